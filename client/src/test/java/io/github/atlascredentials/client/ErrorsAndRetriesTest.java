package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Error answers become one exception type; only refused requests are retried. */
class ErrorsAndRetriesTest {
    private TestAtlasServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AtlasCredentialsClient client(Connector connector, boolean envelope) {
        return AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .connector(connector)
                .envelope(envelope)
                .retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(5), Duration.ofMillis(10)))
                .credential(io.github.atlascredentials.client.auth.BearerTokenCredential.of("static-test-token-1234"))
                .build();
    }

    private long apiRequests() {
        return server.count(RecordedRequest::isApiRequest);
    }

    @Test
    void atlasErrorIsReadWithEveryField() {
        server.enqueue(Scripted.json(
                400,
                "{\"error\":400,\"errorCode\":\"VALIDATION_ERROR\",\"reason\":\"Bad Request\","
                        + "\"detail\":\"Invalid request body.\",\"parameters\":[\"a\",2],\"badRequestDetail\":{\"fields\":"
                        + "[{\"field\":\"secretExpiresAfterHours\",\"description\":\"must be between 8 and 720\"}]}}",
                Map.of("X-MongoDB-Service-Version", "gitHash=abc; versionString=v1")));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 800))
                    .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.isErrorCode("VALIDATION_ERROR")).isTrue();
                        assertThat(e.reason()).contains("Bad Request");
                        assertThat(e.detail()).contains("Invalid request body.");
                        assertThat(e.parameters()).containsExactly("a", 2);
                        assertThat(e.fieldErrors())
                                .containsExactly(
                                        new FieldError("secretExpiresAfterHours", "must be between 8 and 720"));
                        assertThat(e.header("x-mongodb-service-version")).contains("gitHash=abc; versionString=v1");
                        assertThat(e.getMessage())
                                .isEqualTo(
                                        "HTTP 400 VALIDATION_ERROR: Invalid request body. [secretExpiresAfterHours: must be between 8 and 720]");
                    });
        }
    }

    @Test
    void envelopedErrorIsUnwrapped() {
        server.enqueue(Scripted.json(
                200,
                "{\"status\":404,\"content\":{\"error\":404,\"errorCode\":\"RESOURCE_NOT_FOUND\","
                        + "\"reason\":\"Not Found\",\"detail\":\"Cannot find resource.\",\"parameters\":[]}}",
                Map.of()));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, true)) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.isErrorCode("RESOURCE_NOT_FOUND")).isTrue();
                    });
        }
    }

    @Test
    void proxyHtmlPageStillGivesAUsefulException() {
        server.enqueue(new Scripted(
                502,
                "text/html",
                "<html><head><title>502 Bad Gateway</title><style>x{}</style></head>"
                        + "<body><h1>Bad Gateway</h1><p>The upstream server is unreachable.</p></body></html>",
                Map.of(),
                false));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.errorCode()).isEmpty();
                        assertThat(e.getMessage())
                                .isEqualTo("HTTP 502 Bad Gateway: non-JSON error body (text/html): "
                                        + "502 Bad Gateway Bad Gateway The upstream server is unreachable.");
                    });
        }
    }

    @Test
    void serviceUnavailableIsRetriedAfterRetryAfter() {
        server.enqueue(Scripted.json(
                503, "{\"error\":503,\"errorCode\":\"SERVICE_UNAVAILABLE\"}", Map.of("Retry-After", "0")));
        server.enqueue(
                Scripted.json(429, "{\"error\":429,\"errorCode\":\"RATE_LIMITED\"}", Map.of("Retry-After", "0")));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThat(client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24)
                            .getSecret())
                    .startsWith("mdb_sa_sk_");
        }
        assertThat(apiRequests()).isEqualTo(3);
    }

    /** The rate-limit documentation's 429: its retryAfter parameter is honoured when the header is missing. */
    @Test
    void tokenBucket429IsRetriedAfterItsRetryAfterParameter() {
        String tokenBucket =
                "{\"error\":429,\"errorCode\":\"RATE_LIMITED_TOKEN_BUCKET\",\"reason\":\"Too Many Requests\","
                        + "\"detail\":\"Rate limit exceeded for api/atlas/v2/orgs. Please retry after 0 seconds.\","
                        + "\"parameters\":[\"api/atlas/v2/orgs\",0,10,5,60]}";
        server.enqueue(Scripted.json(429, tokenBucket, Map.of()));
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .credential(io.github.atlascredentials.client.auth.BearerTokenCredential.of("static-test-token-1234"))
                .build()) {
            long started = System.nanoTime();
            assertThat(client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24)
                            .getSecret())
                    .startsWith("mdb_sa_sk_");
            // The 30 s backoff for answers without a wait was not used: the parameter said 0.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(apiRequests()).isEqualTo(2);
    }

    @Test
    void tokenBucket429BeyondTheBudgetGivesItsWaitToTheCaller() {
        server.enqueue(Scripted.json(
                429,
                "{\"error\":429,\"errorCode\":\"RATE_LIMITED_TOKEN_BUCKET\","
                        + "\"parameters\":[\"api/atlas/v2/orgs\",55,10,5,60]}",
                Map.of()));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                        assertThat(e.isRateLimited()).isTrue();
                        assertThat(e.isErrorCode("RATE_LIMITED_TOKEN_BUCKET")).isTrue();
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(55));
                        assertThat(e.parameters()).containsExactly("api/atlas/v2/orgs", 55, 10, 5, 60);
                    });
        }
        assertThat(apiRequests()).isEqualTo(1);
    }

    /** Terraform rotation guide: 409 DATA_CONCURRENCY_ERROR means nothing was created, so it is retried. */
    @Test
    void dataConcurrencyErrorIsRetriedButOtherConflictsAreNot() {
        server.enqueue(Scripted.json(
                409, "{\"error\":409,\"errorCode\":\"DATA_CONCURRENCY_ERROR\",\"reason\":\"Conflict\"}", Map.of()));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThat(client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24)
                            .getSecret())
                    .startsWith("mdb_sa_sk_");
        }
        assertThat(apiRequests()).isEqualTo(2);
        server.enqueue(Scripted.json(409, "{\"error\":409,\"errorCode\":\"SOMETHING_ELSE\"}", Map.of()));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class, e -> assertThat(e.status()).isEqualTo(409));
        }
        assertThat(apiRequests()).isEqualTo(3);
    }

    /** OAuth pages: a fault of the token endpoint is {"error":"server_error",...}; it is not retried. */
    @Test
    void oauthServerErrorIsReadAsItsCode() {
        server.auth(TestAtlasServer.Auth.BEARER).serviceAccount(CLIENT_ID, "mdb_sa_sk_" + "a".repeat(40));
        server.enqueueTokenAnswer(Scripted.json(
                500, "{\"error\":\"server_error\",\"error_description\":\"Unexpected error.\"}", Map.of()));
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.of(3, Duration.ofSeconds(5), Duration.ofMillis(10)))
                .credential(io.github.atlascredentials.client.auth.ServiceAccountCredential.of(
                        CLIENT_ID, "mdb_sa_sk_" + "a".repeat(40)))
                .build()) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(AtlasApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(500);
                        assertThat(e.isErrorCode("server_error")).isTrue();
                        assertThat(e.detail()).contains("Unexpected error.");
                        assertThat(e.getMessage()).doesNotContain("a".repeat(40));
                    });
        }
    }

    @Test
    void retriesStopAtMaxAttempts() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(
                    Scripted.json(429, "{\"error\":429,\"errorCode\":\"RATE_LIMITED\"}", Map.of("Retry-After", "0")));
        }
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class,
                            e -> assertThat(e.isErrorCode("RATE_LIMITED")).isTrue());
        }
        assertThat(apiRequests()).isEqualTo(3);
    }

    @Test
    void retryAfterBeyondTheTotalBudgetIsNotAwaited() {
        server.enqueue(
                Scripted.json(429, "{\"error\":429,\"errorCode\":\"RATE_LIMITED\"}", Map.of("Retry-After", "60")));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOfSatisfying(
                            AtlasApiException.class,
                            e -> assertThat(e.header("Retry-After")).contains("60"));
        }
        assertThat(apiRequests()).isEqualTo(1);
    }

    @Test
    void otherServerErrorsAreNotRetried() {
        server.enqueue(Scripted.json(500, "{\"error\":500,\"errorCode\":\"UNEXPECTED_ERROR\"}", Map.of()));
        try (AtlasCredentialsClient client = client(Connector.APACHE5, false)) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOf(AtlasApiException.class);
        }
        assertThat(apiRequests()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Connector.class)
    void aCreateIsNeverSentAgainAfterAnIoError(Connector connector) {
        try (AtlasCredentialsClient client = client(connector, false)) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24); // warm a keep-alive connection
            server.enqueue(Scripted.drop());
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOf(AtlasTransportException.class);
        }
        assertThat(apiRequests()).isEqualTo(2);
    }

    // Apache HttpClient 5 resent idempotent requests by itself after NoHttpResponseException: a DELETE that was
    // applied and whose answer was lost came back as 404. Only RetryPolicy may resend.
    @ParameterizedTest
    @EnumSource(Connector.class)
    void aDeleteIsNeverSentAgainAfterItsAnswerIsLost(Connector connector) {
        try (AtlasCredentialsClient client = client(connector, false)) {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24); // warm a keep-alive connection
            server.enqueue(Scripted.drop());
            assertThatThrownBy(
                            () -> client.deleteOrgServiceAccountSecret(ORG_ID, CLIENT_ID, "66b544825867ba071c85469d"))
                    .isInstanceOf(AtlasTransportException.class);
        }
        assertThat(server.count(r -> r.method().equals("DELETE")))
                .as("DELETEs that reached the server")
                .isEqualTo(1);
    }

    @Test
    void connectionRefusedIsATransportException() {
        String url = server.baseUrl();
        server.close();
        try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                .baseUrl(url)
                .credential(io.github.atlascredentials.client.auth.BearerTokenCredential.of("static-test-token-1234"))
                .build()) {
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .isInstanceOf(AtlasTransportException.class)
                    .hasMessageNotContaining("static-test-token-1234");
        }
    }
}
