package io.github.atlascredentials.bench.client;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.http.HttpClient;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;

/** The comparison transports, set up like the client's default transport (Apache 5, pool of 16, same timeouts). */
final class BareTransports {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private BareTransports() {}

    /** A bare Jersey client on the Apache 5 connector: no filters, no JSON provider. */
    static ClientConfig apache5Config() {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                .setSocketTimeout(Timeout.of(READ_TIMEOUT))
                .build());
        pool.setDefaultMaxPerRoute(16);
        pool.setMaxTotal(64);
        ClientConfig config = new ClientConfig();
        config.property(ClientProperties.CONNECT_TIMEOUT, (int) CONNECT_TIMEOUT.toMillis());
        config.property(ClientProperties.READ_TIMEOUT, (int) READ_TIMEOUT.toMillis());
        config.property(Apache5ClientProperties.CONNECTION_MANAGER, pool);
        config.connectorProvider(new Apache5ConnectorProvider());
        return config;
    }

    static Client jersey() {
        return ClientBuilder.newClient(apache5Config());
    }

    /** HTTP/1.1: with its default (HTTP/2 upgrade) Grizzly would not read the POST body. */
    static HttpClient jdk() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }
}
