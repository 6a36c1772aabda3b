package io.github.atlascredentials.reliability.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.AtlasTransportException;
import io.github.atlascredentials.client.Connector;
import io.github.atlascredentials.client.RetryPolicy;
import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.Credential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.reliability.support.DroppingProxy;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No transport under the client resends on its own: a request whose answer is lost after the emulator acted on it
 * (the proxy forwards it, then closes the client's connection without a byte of the answer) reaches the emulator
 * exactly once with {@link RetryPolicy#none()}, and the caller gets an {@link AtlasTransportException} — for GET,
 * POST and DELETE, Bearer- and Digest-signed, on every {@link Connector}, on a reused keep-alive connection (where
 * transports that resend do it: the JDK's HttpURLConnection resent all three methods, its HttpClient a GET, which
 * under Digest then came back 401 for the replayed nonce count).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LostAnswerIsNeverResentTest {
    private static final int TARGETS = 8;
    private static AtlasEmulator emulator;
    private static DroppingProxy proxy;
    private static int nextTarget;

    enum Method {
        GET,
        POST,
        DELETE
    }

    enum Auth {
        BEARER,
        DIGEST
    }

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulators.inProcess(TARGETS)
                .tokenRateLimitPerMinute(1_000_000)
                .apiRateLimitPerMinute(1_000_000)
                .maxActiveTokensPerAccount(100_000)
                .start();
        proxy = new DroppingProxy(emulator.baseUri());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        emulator.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Connector connector : Connector.values()) {
            for (Auth auth : Auth.values()) {
                for (Method method : Method.values()) {
                    cases.add(Arguments.of(connector, auth, method));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void aLostAnswerIsNeverResentByTheTransport(Connector connector, Auth auth, Method method) {
        String target = Seed.target(nextTarget++ % TARGETS);
        String secretId = withOneSecret(target);
        try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                .baseUrl(proxy.baseUrl())
                .connector(connector)
                .credential(credential(auth))
                .retryPolicy(RetryPolicy.none())
                .build()) {
            atlas.getOrgServiceAccount(Seed.ORG_A, target); // a keep-alive connection: the next request reuses it
            proxy.dropNextAnswer(method.name(), "/serviceAccounts/" + target);
            int before = proxy.forwarded();
            assertThatThrownBy(() -> call(atlas, method, target, secretId)).isInstanceOf(AtlasTransportException.class);
            int reached = proxy.forwarded() - before;
            Emulators.figure("lost answer, " + connector + " " + auth + " " + method + ": " + reached
                    + " request(s) reached the emulator");
            assertThat(reached).as("requests that reached the emulator").isEqualTo(1);
        }
    }

    private static void call(AtlasCredentialsClient atlas, Method method, String target, String secretId) {
        switch (method) {
            case GET -> atlas.getOrgServiceAccount(Seed.ORG_A, target);
            case POST -> atlas.createOrgServiceAccountSecret(Seed.ORG_A, target, 48);
            case DELETE -> atlas.deleteOrgServiceAccountSecret(Seed.ORG_A, target, secretId);
        }
    }

    private static Credential credential(Auth auth) {
        return switch (auth) {
            case BEARER -> ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
            case DIGEST -> ApiKeyCredential.of(Seed.KEY_ADMIN_A, Seed.KEY_ADMIN_A_PRIVATE);
        };
    }

    /** Leaves the target with exactly one secret (room for a create, one to delete) and returns its id. */
    private static String withOneSecret(String target) {
        try (AtlasCredentialsClient admin = AtlasCredentialsClient.builder()
                .baseUrl(emulator.baseUri().toString())
                .credential(ServiceAccountCredential.of(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                .build()) {
            admin.getOrgServiceAccount(Seed.ORG_A, target)
                    .getSecrets()
                    .forEach(secret -> admin.deleteOrgServiceAccountSecret(Seed.ORG_A, target, secret.getId()));
            return admin.createOrgServiceAccountSecret(Seed.ORG_A, target, 48).getId();
        }
    }
}
