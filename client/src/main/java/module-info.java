/**
 * The client of the Atlas and Cloud Manager credential endpoints. Users get the façade, the credentials, the
 * exceptions and the models; the machinery (filters, token manager, the generated invoker and operations) is
 * internal, so a change there is never a breaking change (docs/7, what is API).
 */
module io.github.atlascredentials.client {
    exports io.github.atlascredentials.client;
    exports io.github.atlascredentials.client.auth;
    exports io.github.atlascredentials.client.generated.model;

    // Jackson reads and writes the models by reflection; Jersey's Jackson provider calls it.
    opens io.github.atlascredentials.client.generated.model to
            com.fasterxml.jackson.databind;

    requires transitive com.fasterxml.jackson.annotation;
    requires transitive jakarta.annotation;
    requires transitive jakarta.validation;
    requires static jsr305;
    requires io.github.atlascredentials.spec;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires jakarta.ws.rs;
    requires jersey.client;
    requires jersey.common;
    requires jersey.hk2;
    requires jersey.media.json.jackson;
    requires jersey.apache5.connector;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires org.slf4j;
    requires java.logging;
}
