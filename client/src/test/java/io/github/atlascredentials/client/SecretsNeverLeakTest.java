package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.client.generated.model.TokenResponse;
import io.github.atlascredentials.client.internal.RequestLogFilter;
import io.github.atlascredentials.client.support.TestAtlasServer;
import io.github.atlascredentials.client.support.TestAtlasServer.Scripted;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Captures every log record (all loggers, ALL level) and every exception of a busy session, then
 * searches them, the credentials' and models' toString() for each secret that was in play.
 */
class SecretsNeverLeakTest {
    private final List<String> captured = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (captured) {
                captured.add(
                        record.getLoggerName() + " " + new java.util.logging.SimpleFormatter().formatMessage(record));
                if (record.getThrown() != null) {
                    captured.add(stackTrace(record.getThrown()));
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;
    private Handler[] consoleHandlers;
    private TestAtlasServer server;

    @BeforeEach
    void start() throws Exception {
        // Everything at INFO and up; our own code and Jersey at every level. (Transport libraries' own
        // FINE/DEBUG wire logs are outside this client's control and documented as such.)
        Logger root = Logger.getLogger("");
        previousLevel = root.getLevel();
        root.setLevel(Level.INFO);
        Logger.getLogger("io.github.atlascredentials").setLevel(Level.ALL);
        Logger.getLogger("org.glassfish.jersey").setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        // Every record is captured and searched below; none is printed.
        consoleHandlers = root.getHandlers();
        for (Handler console : consoleHandlers) {
            root.removeHandler(console);
        }
        root.addHandler(capture);
        server = new TestAtlasServer().serviceAccount(CLIENT_ID, CLIENT_SECRET).apiKey(PUBLIC_KEY, PRIVATE_KEY);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        for (Handler console : consoleHandlers) {
            Logger.getLogger("").addHandler(console);
        }
        Logger.getLogger("").setLevel(previousLevel);
        Logger.getLogger("io.github.atlascredentials").setLevel(null);
        Logger.getLogger("org.glassfish.jersey").setLevel(null);
        server.close();
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void noSecretInLogsExceptionsOrToString() {
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, PRIVATE_KEY, "static-token-abcdef"));
        List<String> texts = new ArrayList<>();

        server.auth(TestAtlasServer.Auth.BEARER);
        try (AtlasCredentialsClient client = builder()
                .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                .build()) {
            ServiceAccountSecret created = client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            secrets.add(created.getSecret());
            texts.add(created.toString());
            ApiKey key = client.createOrgApiKey(ORG_ID, "bot", List.of(OrgRoleName.ORG_OWNER));
            secrets.add(key.getPrivateKey());
            texts.add(key.toString());
            texts.add(client.toString());
            // an error whose body echoes a secret, e.g. a misbehaving proxy
            server.enqueue(Scripted.json(
                    400,
                    "{\"error\":400,\"errorCode\":\"INVALID_ATTRIBUTE\",\"detail\":\"bad " + CLIENT_SECRET
                            + "\",\"parameters\":[\"" + CLIENT_SECRET + "\"]}",
                    Map.of()));
            texts.add(stackTrace(catchIt(() -> client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24))));
            texts.add(stackTrace(catchIt(() -> client.createOrgServiceAccountSecret("bad", CLIENT_ID, 24))));
            var grant = client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, created.getSecret()));
            secrets.add(grant.accessToken());
            texts.add(grant.toString());
        }
        server.requests().stream()
                .filter(r -> r.header("Authorization") != null
                        && r.header("Authorization").startsWith("Bearer "))
                .map(r -> r.header("Authorization").substring(7))
                .forEach(secrets::add);

        server.auth(TestAtlasServer.Auth.DIGEST);
        try (AtlasCredentialsClient client = builder()
                .credential(ApiKeyCredential.of(PUBLIC_KEY, PRIVATE_KEY))
                .build()) {
            client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
            texts.add(client.toString());
        }
        try (AtlasCredentialsClient client = builder()
                .credential(ApiKeyCredential.of(PUBLIC_KEY, "ffffffff-0000-0000-0000-ffffffffffff"))
                .build()) {
            secrets.add("ffffffff-0000-0000-0000-ffffffffffff");
            texts.add(stackTrace(catchIt(() -> client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 24))));
        }
        server.auth(TestAtlasServer.Auth.NONE);
        try (AtlasCredentialsClient client = builder()
                .credential(BearerTokenCredential.of("static-token-abcdef"))
                .build()) {
            client.createCloudManagerServiceAccountSecret(ORG_ID, CLIENT_ID, 24);
        }
        try (AtlasCredentialsClient client = builder()
                .credential(ServiceAccountCredential.of(CLIENT_ID, "mdb_sa_sk_wrong0000000"))
                .build()) {
            secrets.add("mdb_sa_sk_wrong0000000");
            texts.add(stackTrace(catchIt(() ->
                    client.requestAccessToken(ServiceAccountCredential.of(CLIENT_ID, "mdb_sa_sk_wrong0000000")))));
        }

        texts.add(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET).toString());
        texts.add(ApiKeyCredential.of(PUBLIC_KEY, PRIVATE_KEY).toString());
        texts.add(BearerTokenCredential.of("static-token-abcdef").toString());
        texts.add(new TokenResponse().toString());
        synchronized (captured) {
            texts.addAll(captured);
        }

        assertThat(captured)
                .as("the request log was on and wrote lines")
                .anySatisfy(line -> assertThat(line)
                        .startsWith(RequestLogFilter.LOGGER_NAME)
                        .contains("Authorization=<redacted>"));
        assertThat(secrets).hasSizeGreaterThan(8);
        String everything = String.join("\n", texts);
        for (String secret : secrets) {
            assertThat(everything).as("a secret leaked").doesNotContain(secret);
        }
        assertThat(everything).doesNotContain("Basic ", "Digest username");
    }

    @Test
    void generatedModelsMaskSecretFields() throws Exception {
        ServiceAccountSecret secret = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .readValue(
                        "{\"id\":\"66b544825867ba071c85469d\",\"secret\":\"mdb_sa_sk_abcdefghijklmnopqrstuvwxyz0123456789ABCD\"}",
                        ServiceAccountSecret.class);
        TokenResponse token = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(
                        "{\"access_token\":\"eyJhbGciOiJub25lIn0.secretpayload\",\"expires_in\":3600,\"token_type\":\"Bearer\"}",
                        TokenResponse.class);
        ApiKey key = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue("{\"privateKey\":\"0d7e4a5c-1b2f-4c3d-9e8f-db2c132ca78d\"}", ApiKey.class);

        assertThat(secret.toString()).contains("66b544825867ba071c85469d").doesNotContain("abcdefghijklmnop");
        assertThat(token.toString()).doesNotContain("secretpayload");
        assertThat(key.toString()).doesNotContain("0d7e4a5c", "db2c132ca78d");
    }

    private AtlasCredentialsClient.Builder builder() {
        return AtlasCredentialsClient.builder().baseUrl(server.baseUrl()).requestLog(true);
    }

    private static Throwable catchIt(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected an exception");
    }
}
