package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The smaller failures of the outside probe: error pages, odd JSON errors, echoes, limits, close(). */
class EdgeCasesTest {
    private static final String TOKEN = "static-token-abcdef";
    private TestAtlasServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestAtlasServer().auth(TestAtlasServer.Auth.NONE).serviceAccount(CLIENT_ID, CLIENT_SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AtlasCredentialsClient client() {
        return AtlasCredentialsClient.builder()
                .baseUrl(server.baseUrl())
                .credential(BearerTokenCredential.of(TOKEN))
                .build();
    }

    private AtlasApiException error(AtlasCredentialsClient client) {
        try {
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        } catch (AtlasApiException e) {
            return e;
        }
        throw new AssertionError("expected an AtlasApiException");
    }

    @Test
    void htmlPageOfUnclosedScriptTagsIsTranslatedInLinearTime() {
        String page = "<html>" + "<script>x".repeat(16 * 1024) + "</html>"; // 144 KiB
        server.enqueue(new Scripted(502, "text/html", page, Map.of(), false));
        long started = System.nanoTime();
        try (AtlasCredentialsClient client = client()) {
            AtlasApiException e = error(client);
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.detail()).hasValueSatisfying(d -> assertThat(d).startsWith("non-JSON error body (text/html)"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void jsonErrorWithoutErrorCodeIsReportedAsJson() {
        server.enqueue(Scripted.json(400, "{\"message\":\"bad request\",\"status\":400}", Map.of()));
        try (AtlasCredentialsClient client = client()) {
            assertThat(error(client).detail())
                    .hasValueSatisfying(d -> assertThat(d)
                            .startsWith("JSON error body without errorCode")
                            .contains("bad request")
                            .doesNotContain("non-JSON"));
        }
    }

    @Test
    void secretEchoedAcrossTheExcerptCutLeaksNothing() {
        server.enqueue(new Scripted(502, "text/plain", "y".repeat(190) + TOKEN + " tail", Map.of(), false));
        try (AtlasCredentialsClient client = client()) {
            AtlasApiException e = error(client);
            assertThat(e.getMessage()).doesNotContain("static-t").contains("****");
        }
    }

    @Test
    void reasonAndHeadersNeverShowTheCredential() {
        server.enqueue(new Scripted(
                400,
                "application/json",
                "{\"error\":400,\"errorCode\":\"INVALID_ATTRIBUTE\",\"reason\":\"echo " + TOKEN + "\"}",
                Map.of("X-Echo", "Bearer " + TOKEN),
                false));
        try (AtlasCredentialsClient client = client()) {
            AtlasApiException e = error(client);
            assertThat(e.reason()).hasValueSatisfying(r -> assertThat(r).doesNotContain(TOKEN));
            assertThat(e.header("X-Echo")).hasValue("Bearer ****");
        }
    }

    @Test
    void basicFormEchoedByTheTokenEndpointIsMaskedInTheExceptionAndTheCloseWarning() {
        String basic =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(AtlasCredentialsClient.class.getName());
        logger.addHandler(capture);
        logger.setUseParentHandlers(false); // captured and checked below, not printed
        server.auth(TestAtlasServer.Auth.BEARER);
        try {
            AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                    .baseUrl(server.baseUrl())
                    .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                    .build();
            server.enqueueTokenAnswer(Scripted.json(
                    400,
                    "{\"error\":\"invalid_request\",\"error_description\":\"got Basic " + basic + "\"}",
                    Map.of()));
            assertThatThrownBy(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))
                    .satisfies(e ->
                            assertThat(e.getMessage()).doesNotContain(basic.substring(0, 8), basic.substring(20, 28)));
            client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            server.refuseRevocations(true);
            server.enqueueTokenAnswer(Scripted.json(401, "{\"error\":\"invalid_client\"}", Map.of()));
            client.close();
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("could not revoke"));
        assertThat(String.join("\n", logged)).doesNotContain(basic.substring(0, 12), CLIENT_SECRET);
    }

    @Test
    void callAfterCloseIsAnAtlasClientException() {
        AtlasCredentialsClient client = client();
        client.close();
        assertThatThrownBy(() -> client.createOrgApiKey(ORG_ID, "d", List.of(OrgRoleName.ORG_MEMBER)))
                .isInstanceOf(AtlasClientClosedException.class)
                .isInstanceOf(AtlasClientException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void nullRoleIsRefusedLocally() {
        try (AtlasCredentialsClient client = client()) {
            assertThatThrownBy(() -> client.createOrgApiKey(ORG_ID, "d", Arrays.asList(OrgRoleName.ORG_MEMBER, null)))
                    .isInstanceOfSatisfying(
                            AtlasValidationException.class,
                            e -> assertThat(e.violations())
                                    .contains(new FieldError("roles", "must be an array of role names")));
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void descLengthIsCountedInCodePoints() {
        String emoji = "\uD83D\uDE80"; // one code point, two chars
        try (AtlasCredentialsClient client = client()) {
            assertThat(client.createOrgApiKey(ORG_ID, emoji.repeat(200), List.of(OrgRoleName.ORG_MEMBER)))
                    .isNotNull();
            assertThatThrownBy(() -> client.createOrgApiKey(ORG_ID, emoji.repeat(251), List.of(OrgRoleName.ORG_MEMBER)))
                    .isInstanceOf(AtlasValidationException.class);
        }
        assertThat(server.count(RecordedRequest::isApiRequest)).isEqualTo(1);
    }
}
