package io.github.atlascredentials.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.auth.TokenGrant;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.Contract.States;
import io.github.atlascredentials.emulator.pact.PactFixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code createOrgApiKey}, and the OAuth token exchange and revocation with their errors. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class ApiKeyAndOAuthConsumerTest extends ConsumerSupport {
    private static final ServiceAccountCredential FAKE_SERVICE_ACCOUNT =
            ServiceAccountCredential.of(CLIENT_ID, Contract.FAKE_CLIENT_SECRET);

    private static String apiKeysPath() {
        return "/api/public/v1.0/orgs/" + ORG_ID + "/apiKeys";
    }

    private static List<OrgRoleName> exampleRoles() {
        List<OrgRoleName> roles = new ArrayList<>();
        SPEC.example("ApiKeyRequest").path("roles").forEach(r -> roles.add(OrgRoleName.fromValue(r.asText())));
        return roles;
    }

    /** A named example as the form body the OAuth endpoints take. */
    private static String form(String exampleName) {
        StringJoiner form = new StringJoiner("&");
        Iterator<Map.Entry<String, JsonNode>> fields = SPEC.example(exampleName).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            form.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private static PactDslRequestWithPath oauthRequest(
            PactDslWithProvider builder, String state, String description, String path, String exampleName) {
        return builder.given(state)
                .uponReceiving(InteractionNames.describe(description))
                .method("POST")
                .path(path)
                .matchHeader("Authorization", Contract.BASIC_REGEX, Contract.fakeBasic(CLIENT_ID))
                .matchHeader("Content-Type", "^application/x-www-form-urlencoded(;.*)?$", Contract.FORM)
                .body(form(exampleName), Contract.FORM);
    }

    private static PactDslRequestWithPath tokenRequest(PactDslWithProvider builder, String state, String description) {
        return oauthRequest(builder, state, description, "/api/oauth/token", "TokenRequest");
    }

    private static TokenGrant requestToken(MockServer server) {
        try (AtlasCredentialsClient client = client(server, false)) {
            return client.requestAccessToken(FAKE_SERVICE_ACCOUNT);
        }
    }

    /**
     * HTTP Digest as the client speaks it: the first request goes without credentials and meets the challenge
     * (which carries the nonce the provider state fixes), the second answers it. The answer is recorded first:
     * Pact's mock server serves the first interaction that matches, and the challenge's request (which names no
     * Authorization) matches the answer's request too.
     */
    @Pact(consumer = Contract.CONSUMER)
    V4Pact apiKeyCreated(PactDslWithProvider builder) {
        return digestRequest(given(builder, States.CALLER_API_KEY_OWNER), "createOrgApiKey: a new API key (200)")
                .matchHeader(
                        "Authorization",
                        Contract.digestAnswerRegex(apiKeysPath()),
                        Contract.digestAnswer("POST", apiKeysPath()))
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("ApiKeyCreated", "ApiKey"))
                .given(States.CALLER_API_KEY_OWNER)
                .uponReceiving("createOrgApiKey: without credentials, the Digest challenge (401 USER_UNAUTHORIZED)")
                .method("POST")
                .path(apiKeysPath())
                .matchHeader("Content-Type", "^application/json(;.*)?$", Contract.JSON)
                .headers("Accept", Contract.JSON)
                .body(exampleJson("ApiKeyRequest"), Contract.JSON)
                .willRespondWith()
                .status(401)
                .headers(Map.of("Content-Type", Contract.JSON))
                .matchHeader("WWW-Authenticate", Contract.DIGEST_CHALLENGE_REGEX, Contract.DIGEST_FIXTURE_CHALLENGE)
                .body(BODIES.response("UserUnauthorized", "ApiError"))
                .toPact(V4Pact.class);
    }

    private static PactDslRequestWithPath digestRequest(
            au.com.dius.pact.consumer.dsl.PactDslWithState state, String description) {
        return state.uponReceiving(InteractionNames.describe(description))
                .method("POST")
                .path(apiKeysPath())
                .matchHeader("Content-Type", "^application/json(;.*)?$", Contract.JSON)
                .headers("Accept", Contract.JSON)
                .body(exampleJson("ApiKeyRequest"), Contract.JSON);
    }

    @Test
    @PactTestFor(pactMethod = "apiKeyCreated")
    void apiKeyCreated(MockServer server) {
        ApiKey key;
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(server.getUrl())
                .credential(ApiKeyCredential.of(PactFixtures.API_KEY_PUBLIC_KEY, PactFixtures.API_KEY_PRIVATE_KEY))
                .retryPolicy(io.github.atlascredentials.client.RetryPolicy.none())
                .build()) {
            key = client.createOrgApiKey(
                    ORG_ID, SPEC.example("ApiKeyRequest").path("desc").asText(), exampleRoles());
        }
        JsonNode example = SPEC.example("ApiKeyCreated");
        assertThat(key.getId()).isEqualTo(example.path("id").asText());
        assertThat(key.getPublicKey()).isEqualTo(example.path("publicKey").asText());
        assertThat(key.getPrivateKey()).isEqualTo(example.path("privateKey").asText());
        assertThat(key.getRoles()).hasSize(example.path("roles").size());
        assertThat(key.getLinks()).hasSize(1);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact apiKeyOtherOrganization(PactDslWithProvider builder) {
        return apiError(
                        cloudManagerRequest(
                                given(builder, States.CALLER_IN_OTHER_ORG),
                                "createOrgApiKey: by a caller of another organization (401 USER_UNAUTHORIZED)",
                                apiKeysPath(),
                                exampleJson("ApiKeyRequest")),
                        401,
                        "UserUnauthorized")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "apiKeyOtherOrganization")
    void apiKeyOtherOrganization(MockServer server) {
        try (AtlasCredentialsClient client = client(server, false)) {
            expectApiError(
                    () -> client.createOrgApiKey(
                            ORG_ID, SPEC.example("ApiKeyRequest").path("desc").asText(), exampleRoles()),
                    401,
                    "USER_UNAUTHORIZED");
        }
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact token(PactDslWithProvider builder) {
        return tokenRequest(builder, States.SECRET_VALID, "requestAccessToken: client credentials grant (200)")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("AccessToken", "TokenResponse"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "token")
    void token(MockServer server) {
        assertThat(requestToken(server).accessToken())
                .isEqualTo(SPEC.example("AccessToken").path("access_token").asText());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact tokenWrongSecret(PactDslWithProvider builder) {
        return tokenRequest(
                        builder, States.SECRET_WRONG, "requestAccessToken: with a wrong secret (401 invalid_client)")
                .willRespondWith()
                .status(401)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("InvalidClient", "OAuthError"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tokenWrongSecret")
    void tokenWrongSecret(MockServer server) {
        expectApiError(() -> requestToken(server), 401, "invalid_client");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact tokenExpiredSecret(PactDslWithProvider builder) {
        return tokenRequest(
                        builder,
                        States.SECRET_EXPIRED,
                        "requestAccessToken: with an expired secret (400 invalid_grant)")
                .willRespondWith()
                .status(400)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("InvalidGrant", "OAuthError"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tokenExpiredSecret")
    void tokenExpiredSecret(MockServer server) {
        expectApiError(() -> requestToken(server), 400, "invalid_grant");
    }

    /** The OAuth pages document a fault as {"error":"server_error","error_description":"Unexpected error."}. */
    @Pact(consumer = Contract.CONSUMER)
    V4Pact tokenEndpointFault(PactDslWithProvider builder) {
        return tokenRequest(
                        builder,
                        States.TOKEN_ENDPOINT_FAULT,
                        "requestAccessToken: a fault of the service (500 server_error)")
                .willRespondWith()
                .status(500)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("OAuthServerError", "OAuthError"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tokenEndpointFault")
    void tokenEndpointFault(MockServer server) {
        AtlasApiException e = expectApiError(() -> requestToken(server), 500, "server_error");
        assertThat(e.detail()).contains("Unexpected error.");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact tokenLimitReached(PactDslWithProvider builder) {
        return tokenRequest(
                        builder,
                        States.TOKENS_AT_MAXIMUM,
                        "requestAccessToken: beyond 100 active tokens (403 access_denied)")
                .willRespondWith()
                .status(403)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.response("AccessDenied", "OAuthError"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tokenLimitReached")
    void tokenLimitReached(MockServer server) {
        expectApiError(() -> requestToken(server), 403, "access_denied");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact tokenRateLimited(PactDslWithProvider builder) {
        return tokenRequest(
                        builder,
                        States.TOKEN_RATE_LIMIT_REACHED,
                        "requestAccessToken: beyond 10 requests a minute (429 RATE_LIMITED with Retry-After)")
                .willRespondWith()
                .status(429)
                .headers(Map.of("Content-Type", Contract.JSON))
                .matchHeader("Retry-After", "^\\d+$", "60")
                .body(BODIES.response("RateLimited", "ApiError"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tokenRateLimited")
    void tokenRateLimited(MockServer server) {
        AtlasApiException e = expectApiError(() -> requestToken(server), 429, "RATE_LIMITED");
        assertThat(e.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isNotNegative());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact revoke(PactDslWithProvider builder) {
        return oauthRequest(
                        builder,
                        States.SECRET_VALID,
                        "revokeAccessToken: revoke a token (200, empty body)",
                        "/api/oauth/revoke",
                        "RevokeRequest")
                .willRespondWith()
                .status(200)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "revoke")
    void revoke(MockServer server) {
        try (AtlasCredentialsClient client = client(server, false)) {
            client.revokeAccessToken(
                    FAKE_SERVICE_ACCOUNT,
                    SPEC.example("RevokeRequest").path("token").asText());
        }
    }
}
