package io.github.atlascredentials.client;

import static io.github.atlascredentials.client.support.Ids.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.support.RecordedRequest;
import io.github.atlascredentials.client.support.TestAtlasServer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every logger at its finest level (SLF4J's TRACE is java.util.logging's FINEST here), HttpClient's header and wire
 * logs included, while each connector does token, Basic, Bearer, Digest and create calls: no credential,
 * token, Digest response or created secret appears in what was logged.
 */
class TransportLogsNeverLeakTest {
    private final List<String> captured = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (captured) {
                captured.add(record.getLoggerName() + " " + new java.util.logging.SimpleFormatter().format(record));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Level previousLevel;

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        previousLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restore() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(previousLevel);
    }

    /** A logger of the connector's own library, to prove the capture saw the transport at its finest level. */
    private static String transportLoggerPrefix(Connector connector) {
        return switch (connector) {
            case APACHE5 -> "org.apache.hc";
        };
    }

    @ParameterizedTest
    @EnumSource(Connector.class)
    void noCredentialInAnyLogAtTheFinestLevel(Connector connector) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, PRIVATE_KEY, "static-token-abcdef0123"));
        try (TestAtlasServer server =
                new TestAtlasServer().serviceAccount(CLIENT_ID, CLIENT_SECRET).apiKey(PUBLIC_KEY, PRIVATE_KEY)) {
            server.auth(TestAtlasServer.Auth.BEARER);
            try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                    .baseUrl(server.baseUrl())
                    .connector(connector)
                    .credential(ServiceAccountCredential.of(CLIENT_ID, CLIENT_SECRET))
                    .build()) {
                assertThat(client.toString()).contains(connector.name());
                secrets.add(client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24)
                        .getSecret());
                secrets.add(client.createOrgApiKey(ORG_ID, "bot", List.of(OrgRoleName.ORG_OWNER))
                        .getPrivateKey());
            }
            server.auth(TestAtlasServer.Auth.NONE);
            try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                    .baseUrl(server.baseUrl())
                    .connector(connector)
                    .credential(BearerTokenCredential.of("static-token-abcdef0123"))
                    .build()) {
                secrets.add(client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24)
                        .getSecret());
            }
            server.auth(TestAtlasServer.Auth.DIGEST);
            try (AtlasCredentialsClient client = AtlasCredentialsClient.builder()
                    .baseUrl(server.baseUrl())
                    .connector(connector)
                    .credential(ApiKeyCredential.of(PUBLIC_KEY, PRIVATE_KEY))
                    .build()) {
                secrets.add(client.createOrgServiceAccountSecret(ORG_ID, CLIENT_ID, 24)
                        .getSecret());
            }
            for (RecordedRequest request : server.requests()) {
                String authorization = request.header("Authorization");
                if (authorization != null) {
                    // Basic credentials, bearer tokens, Digest responses: whatever followed the scheme on the wire.
                    secrets.add(authorization.substring(authorization.indexOf(' ') + 1));
                    for (String part : authorization.split("[ ,]")) {
                        if (part.startsWith("response=")) {
                            secrets.add(part.substring("response=".length()).replace("\"", ""));
                        }
                    }
                }
            }
            assertThat(server.requests())
                    .anyMatch(r -> String.valueOf(r.header("Authorization")).startsWith("Basic "))
                    .anyMatch(r -> String.valueOf(r.header("Authorization")).startsWith("Bearer "))
                    .anyMatch(r -> String.valueOf(r.header("Authorization")).startsWith("Digest "));
        }
        secrets.add(Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes()));
        String logged;
        synchronized (captured) {
            logged = String.join("\n", captured);
        }
        assertThat(logged)
                .as("something was logged at all (the capture works)")
                .contains(transportLoggerPrefix(connector));
        for (String secret : secrets) {
            assertThat(logged).as("logs hold no credential").doesNotContain(secret);
        }
    }
}
