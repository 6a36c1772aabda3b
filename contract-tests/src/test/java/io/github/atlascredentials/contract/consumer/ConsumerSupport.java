package io.github.atlascredentials.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.PactBodies;
import io.github.atlascredentials.contract.support.Spec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * What the consumer tests share: the spec (examples and parameter examples), the client pointed
 * at the Pact mock server with a fake static bearer token, and request/response builders.
 */
@ExtendWith(InteractionNames.class)
abstract class ConsumerSupport {
    static final Spec SPEC = Spec.load();
    static final PactBodies BODIES = new PactBodies(SPEC);
    static final String ORG_ID = SPEC.parameterExample("orgId");
    static final String GROUP_ID = SPEC.parameterExample("groupId");
    static final String CLIENT_ID = SPEC.parameterExample("clientId");
    static final String SECRET_ID = SPEC.parameterExample("secretId");
    static final String API_KEY_ID = SPEC.parameterExample("apiUserId");

    /** The client under test, as a user builds it, aimed at the mock server. No retries: each answer is the interaction's. */
    static AtlasCredentialsClient client(MockServer server, boolean envelope) {
        return AtlasCredentialsClient.builder()
                .baseUrl(server.getUrl())
                .credential(BearerTokenCredential.of(Contract.FAKE_ACCESS_TOKEN))
                .retryPolicy(RetryPolicy.none())
                .envelope(envelope)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A Cloud Manager v1.0 request as the client sends it (application/json both ways). */
    static PactDslRequestWithPath cloudManagerRequest(
            PactDslWithState state, String description, String path, String body) {
        return state.uponReceiving(InteractionNames.describe(description))
                .method("POST")
                .path(path)
                .matchHeader("Authorization", Contract.BEARER_REGEX, "Bearer " + Contract.FAKE_ACCESS_TOKEN)
                .matchHeader("Content-Type", "^application/json(;.*)?$", Contract.JSON)
                .headers("Accept", Contract.JSON)
                .body(body, Contract.JSON);
    }

    /** A request without a body (a read or a delete) as the client sends it, with its Accept. */
    static PactDslRequestWithPath bodyless(
            PactDslWithState state, String description, String method, String path, String accept) {
        return state.uponReceiving(InteractionNames.describe(description))
                .method(method)
                .path(path)
                .matchHeader("Authorization", Contract.BEARER_REGEX, "Bearer " + Contract.FAKE_ACCESS_TOKEN)
                .headers("Accept", accept);
    }

    static PactDslWithState given(PactDslWithProvider builder, String state) {
        return builder.given(state);
    }

    /**
     * The example API key, with the description and roles of the spec's example as the state's parameters: its
     * organization roles ({@code orgId}) as {@code roles}, its roles in the project ({@code groupId}) as
     * {@code projectRoles}.
     */
    static PactDslWithState givenTheExampleApiKey(PactDslWithProvider builder) {
        com.fasterxml.jackson.databind.JsonNode example = SPEC.example("AtlasApiKey");
        java.util.List<String> roles = new java.util.ArrayList<>();
        java.util.List<String> projectRoles = new java.util.ArrayList<>();
        example.path("roles")
                .forEach(role -> (role.hasNonNull("groupId") ? projectRoles : roles)
                        .add(role.path("roleName").asText()));
        return builder.given(
                Contract.States.ORG_HAS_EXAMPLE_API_KEY,
                Map.of(
                        "desc",
                        example.path("desc").asText(),
                        "roles",
                        String.join(",", roles),
                        "projectRoles",
                        String.join(",", projectRoles)));
    }

    /** An Atlas v2 create-secret request as the client sends it, with the named request example as body. */
    static PactDslRequestWithPath atlasSecretRequest(
            PactDslWithState state, String description, String path, String body, String accept) {
        PactDslRequestWithPath request = state.uponReceiving(InteractionNames.describe(description))
                .method("POST")
                .path(path)
                .matchHeader("Authorization", Contract.BEARER_REGEX, "Bearer " + Contract.FAKE_ACCESS_TOKEN)
                .matchHeader(
                        "Content-Type", "^application/vnd\\.atlas\\.2024-08-05\\+json(;.*)?$", Contract.ATLAS_JSON);
        if (accept.equals(Contract.ATLAS_JSON)) {
            request = request.headers("Accept", accept);
        } else {
            request = request.matchHeader("Accept", Contract.ATLAS_JSON_ANY_DATE, accept);
        }
        return request.body(body, Contract.ATLAS_JSON);
    }

    static String orgSecretsPath() {
        return "/api/atlas/v2/orgs/" + ORG_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets";
    }

    static String groupSecretsPath() {
        return "/api/atlas/v2/groups/" + GROUP_ID + "/serviceAccounts/" + CLIENT_ID + "/secrets";
    }

    static String exampleJson(String name) {
        return SPEC.example(name).toString();
    }

    /** An ApiError answer: the named example as body, always application/json. */
    static PactDslResponse apiError(PactDslRequestWithPath request, int status, String exampleName) {
        return request.willRespondWith()
                .status(status)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response(exampleName, "ApiError"));
    }

    static AtlasApiException expectApiError(Executable call, int status, String errorCode) {
        AtlasApiException e = assertThrows(AtlasApiException.class, call);
        assertThat(e.status()).as("status of the answer \"%s\"", e.getMessage()).isEqualTo(status);
        assertThat(e.errorCode())
                .as("errorCode of the answer \"%s\"", e.getMessage())
                .contains(errorCode);
        return e;
    }
}
