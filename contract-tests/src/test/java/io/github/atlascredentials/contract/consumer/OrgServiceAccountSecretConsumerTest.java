package io.github.atlascredentials.contract.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.client.AtlasApiException;
import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.Contract.States;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code createOrgServiceAccountSecret}: the client's view of every answer it must handle. */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = Contract.PROVIDER, pactVersion = PactSpecVersion.V4)
class OrgServiceAccountSecretConsumerTest extends ConsumerSupport {
    private static final int HOURS =
            SPEC.example("AtlasSecretRequest").path("secretExpiresAfterHours").asInt();

    private static V4Pact created(PactDslWithProvider builder, String state, String description) {
        return atlasSecretRequest(
                        given(builder, state),
                        description,
                        orgSecretsPath(),
                        exampleJson("AtlasSecretRequest"),
                        Contract.ATLAS_JSON)
                .willRespondWith()
                .status(201)
                .headers(Map.of("Content-Type", Contract.ATLAS_JSON))
                .body(BODIES.response("AtlasSecretCreated", "ServiceAccountSecret"))
                .toPact(V4Pact.class);
    }

    private static ServiceAccountSecret create(MockServer server) {
        try (AtlasCredentialsClient client = client(server, false)) {
            return client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, HOURS);
        }
    }

    private static void assertIsTheExample(ServiceAccountSecret secret) {
        var example = SPEC.example("AtlasSecretCreated");
        assertThat(secret.getId()).isEqualTo(example.path("id").asText());
        assertThat(secret.getSecret()).isEqualTo(example.path("secret").asText());
        assertThat(secret.getMaskedSecretValue())
                .isEqualTo(example.path("maskedSecretValue").asText());
        assertThat(secret.getCreatedAt())
                .isEqualTo(OffsetDateTime.parse(example.path("createdAt").asText()));
        assertThat(secret.getExpiresAt()).isNotNull();
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact firstSecret(PactDslWithProvider builder) {
        return created(builder, States.TARGET_HAS_NO_SECRET, "createOrgServiceAccountSecret: a first secret");
    }

    @Test
    @PactTestFor(pactMethod = "firstSecret")
    void firstSecret(MockServer server) {
        assertIsTheExample(create(server));
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact secondSecret(PactDslWithProvider builder) {
        return created(builder, States.TARGET_HAS_ONE_SECRET, "createOrgServiceAccountSecret: a second secret");
    }

    @Test
    @PactTestFor(pactMethod = "secondSecret")
    void secondSecret(MockServer server) {
        assertIsTheExample(create(server));
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact thirdSecretRefused(PactDslWithProvider builder) {
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.TARGET_HAS_TWO_SECRETS),
                                "createOrgServiceAccountSecret: a third secret (400 MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED)",
                                orgSecretsPath(),
                                exampleJson("AtlasSecretRequest"),
                                Contract.ATLAS_JSON),
                        400,
                        "MaxSecretsExceeded")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "thirdSecretRefused")
    void thirdSecretRefused(MockServer server) {
        AtlasApiException e = expectApiError(() -> create(server), 400, "MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED");
        assertThat(e.parameters()).hasSize(2);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact expiryBeyondOrgMaximum(PactDslWithProvider builder) {
        // The request example with hours the spec allows (8760) but this organization does not (24).
        ObjectNode body = (ObjectNode) SPEC.example("AtlasSecretRequest");
        body.put("secretExpiresAfterHours", 8760);
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.ORG_MAX_24_HOURS),
                                "createOrgServiceAccountSecret: hours beyond the organization's maximum (400 VALIDATION_ERROR)",
                                orgSecretsPath(),
                                body.toString(),
                                Contract.ATLAS_JSON),
                        400,
                        "SecretExpiryOutOfBounds")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "expiryBeyondOrgMaximum")
    void expiryBeyondOrgMaximum(MockServer server) {
        AtlasApiException e;
        try (AtlasCredentialsClient client = client(server, false)) {
            e = expectApiError(
                    () -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 8760), 400, "VALIDATION_ERROR");
        }
        assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("secretExpiresAfterHours");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact expiredToken(PactDslWithProvider builder) {
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.CALLER_TOKEN_EXPIRED),
                                "createOrgServiceAccountSecret: with an expired access token (401 USER_UNAUTHORIZED)",
                                orgSecretsPath(),
                                exampleJson("AtlasSecretRequest"),
                                Contract.ATLAS_JSON),
                        401,
                        "UserUnauthorized")
                .matchHeader("WWW-Authenticate", Contract.DIGEST_CHALLENGE_REGEX, Contract.DIGEST_CHALLENGE_EXAMPLE)
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "expiredToken")
    void expiredToken(MockServer server) {
        AtlasApiException e = expectApiError(() -> create(server), 401, "USER_UNAUTHORIZED");
        assertThat(e.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Digest "));
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact otherOrganization(PactDslWithProvider builder) {
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.CALLER_IN_OTHER_ORG),
                                "createOrgServiceAccountSecret: by a caller of another organization (401 USER_UNAUTHORIZED)",
                                orgSecretsPath(),
                                exampleJson("AtlasSecretRequest"),
                                Contract.ATLAS_JSON),
                        401,
                        "UserUnauthorized")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "otherOrganization")
    void otherOrganization(MockServer server) {
        expectApiError(() -> create(server), 401, "USER_UNAUTHORIZED");
    }

    /** The Terraform rotation guide: the second of two creates at once fails with 409 DATA_CONCURRENCY_ERROR. */
    @Pact(consumer = Contract.CONSUMER)
    V4Pact creationInProgress(PactDslWithProvider builder) {
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.SECRET_CREATION_IN_PROGRESS),
                                "createOrgServiceAccountSecret: while another secret of the account is being created (409 DATA_CONCURRENCY_ERROR)",
                                orgSecretsPath(),
                                exampleJson("AtlasSecretRequest"),
                                Contract.ATLAS_JSON),
                        409,
                        "DataConcurrencyError")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "creationInProgress")
    void creationInProgress(MockServer server) {
        expectApiError(() -> create(server), 409, "DATA_CONCURRENCY_ERROR");
    }

    /** The rate-limit page: an empty token bucket answers RATE_LIMITED_TOKEN_BUCKET with Retry-After. */
    @Pact(consumer = Contract.CONSUMER)
    V4Pact tokenBucketEmpty(PactDslWithProvider builder) {
        return atlasSecretRequest(
                        given(builder, States.ORG_RATE_LIMIT_REACHED),
                        "createOrgServiceAccountSecret: with the organization's token bucket empty (429 RATE_LIMITED_TOKEN_BUCKET)",
                        orgSecretsPath(),
                        exampleJson("AtlasSecretRequest"),
                        Contract.ATLAS_JSON)
                .willRespondWith()
                .status(429)
                .headers(Map.of("Content-Type", Contract.JSON))
                .matchHeader("Retry-After", "^\\d+$", "55")
                .body(BODIES.response("RateLimitedTokenBucket", "ApiError"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "tokenBucketEmpty")
    void tokenBucketEmpty(MockServer server) {
        AtlasApiException e = expectApiError(() -> create(server), 429, "RATE_LIMITED_TOKEN_BUCKET");
        assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(55));
        assertThat(e.parameters()).hasSize(5);
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact unknownServiceAccount(PactDslWithProvider builder) {
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.TARGET_MISSING),
                                "createOrgServiceAccountSecret: for an unknown service account (404 RESOURCE_NOT_FOUND)",
                                orgSecretsPath(),
                                exampleJson("AtlasSecretRequest"),
                                Contract.ATLAS_JSON),
                        404,
                        "ResourceNotFound")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unknownServiceAccount")
    void unknownServiceAccount(MockServer server) {
        expectApiError(() -> create(server), 404, "RESOURCE_NOT_FOUND");
    }

    /**
     * The Accept header is matched by shape: the client sends its own version (2024-08-05), the
     * provider replays the example, a date no version serves, and must answer 406.
     */
    @Pact(consumer = Contract.CONSUMER)
    V4Pact unservedVersion(PactDslWithProvider builder) {
        return apiError(
                        atlasSecretRequest(
                                given(builder, States.TARGET_HAS_NO_SECRET),
                                "createOrgServiceAccountSecret: asking for a version date no version serves (406 INVALID_VERSION_DATE)",
                                orgSecretsPath(),
                                exampleJson("AtlasSecretRequest"),
                                Contract.ATLAS_JSON_UNSERVED),
                        406,
                        "InvalidVersionDate")
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "unservedVersion")
    void unservedVersion(MockServer server) {
        expectApiError(() -> create(server), 406, "INVALID_VERSION_DATE");
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact envelopedCreated(PactDslWithProvider builder) {
        return atlasSecretRequest(
                        given(builder, States.TARGET_HAS_NO_SECRET),
                        "createOrgServiceAccountSecret: with envelope=true (200 wrapping 201)",
                        orgSecretsPath(),
                        exampleJson("AtlasSecretRequest"),
                        Contract.ATLAS_JSON)
                .query("envelope=true")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.ATLAS_JSON))
                .body(BODIES.envelope("EnvelopedSecretCreated", "ServiceAccountSecret"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "envelopedCreated")
    void envelopedCreated(MockServer server) {
        ServiceAccountSecret secret;
        try (AtlasCredentialsClient client = client(server, true)) {
            secret = client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, HOURS);
        }
        var content = SPEC.example("EnvelopedSecretCreated").path("content");
        assertThat(secret.getId()).isEqualTo(content.path("id").asText());
        assertThat(secret.getSecret()).isEqualTo(content.path("secret").asText());
    }

    @Pact(consumer = Contract.CONSUMER)
    V4Pact envelopedError(PactDslWithProvider builder) {
        return atlasSecretRequest(
                        given(builder, States.TARGET_MISSING),
                        "createOrgServiceAccountSecret: with envelope=true for an unknown service account (200 wrapping 404)",
                        orgSecretsPath(),
                        exampleJson("AtlasSecretRequest"),
                        Contract.ATLAS_JSON)
                .query("envelope=true")
                .willRespondWith()
                .status(200)
                .headers(Map.of("Content-Type", Contract.JSON))
                .body(BODIES.envelope("EnvelopedError", "ApiError"))
                .toPact(V4Pact.class);
    }

    @Test
    @PactTestFor(pactMethod = "envelopedError")
    void envelopedError(MockServer server) {
        try (AtlasCredentialsClient client = client(server, true)) {
            expectApiError(
                    () -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, HOURS), 404, "RESOURCE_NOT_FOUND");
        }
    }
}
