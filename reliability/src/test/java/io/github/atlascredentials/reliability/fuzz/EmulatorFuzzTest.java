package io.github.atlascredentials.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.reliability.support.Answer;
import io.github.atlascredentials.reliability.support.Emulators;
import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Oracle;
import io.github.atlascredentials.reliability.support.RawHttp;
import io.github.atlascredentials.reliability.support.Seed;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the emulator over real HTTP on 127.0.0.1: paths and methods, bodies,
 * headers, query values, the OAuth endpoints and raw protocol abuse. Whatever is sent, the answer is
 * a documented success or a 4xx error JSON, never a 5xx, and the emulator still answers health afterwards.
 */
class EmulatorFuzzTest {
    static final int TARGETS = 64;
    private static final long MINIMUM_REQUESTS = 10_000;
    private static final AtomicLong FUZZED = new AtomicLong();
    private static final AtomicLong CLOSED_WITHOUT_ANSWER = new AtomicLong();
    private static final AtomicLong STALE_CONNECTIONS = new AtomicLong();
    private static AtlasEmulator emulator;
    private static Http http;
    private static RawHttp raw;
    private static String adminToken;
    private static long startedNanos;

    @BeforeContainer
    static void start() {
        startedNanos = System.nanoTime();
        emulator = Emulators.inProcess(TARGETS)
                .apiRateLimitPerMinute(1_000_000)
                .tokenRateLimitPerMinute(1_000_000)
                .start();
        http = new Http(emulator.baseUri());
        raw = new RawHttp(emulator.baseUri().getHost(), emulator.port());
        adminToken = http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET);
    }

    @AfterContainer
    static void stop() {
        try {
            assertThat(http.healthy()).as("health answers after the fuzzing").isTrue();
            assertThat(http.token(Seed.ADMIN_A, Seed.ADMIN_A_SECRET))
                    .as("a token is still issued")
                    .isNotBlank();
            long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
            Emulators.figure("fuzz: " + FUZZED.get() + " generated requests (" + RawHttp.sent() + " over raw sockets, "
                    + CLOSED_WITHOUT_ANSWER.get() + " closed without answer on broken framing, "
                    + STALE_CONNECTIONS.get()
                    + " kept-alive connections closed by the server without notice, retried) in " + seconds + " s");
            assertThat(FUZZED.get()).as("generated requests in this run").isGreaterThanOrEqualTo(MINIMUM_REQUESTS);
        } finally {
            emulator.close();
        }
    }

    // ---- properties ---------------------------------------------------------------------------

    @Property(tries = 1500)
    void anyPathAnyMethod(
            @ForAll("methods") String method,
            @ForAll("paths") String path,
            @ForAll("queries") String query,
            @ForAll("secretBodies") byte[] body) {
        send(new FuzzRequest(
                method,
                path + query,
                Generators.headerList(
                        "Authorization", "Bearer " + adminToken, "Content-Type", Http.ATLAS, "Accept", Http.ATLAS),
                body));
    }

    @Property(tries = 2500)
    void secretBodies(@ForAll("secretOperations") String path, @ForAll("secretBodies") byte[] body) {
        String type = path.startsWith("/api/atlas") ? Http.ATLAS : "application/json";
        Answer a = send(new FuzzRequest(
                "POST",
                path,
                Generators.headerList("Authorization", "Bearer " + adminToken, "Content-Type", type, "Accept", type),
                body));
        checkBodyRules(body, a);
    }

    /** Reads and deletes of the lifecycle operations with any ids, versions and pages. */
    @Property(tries = 1500)
    void lifecycleOperations(
            @ForAll("lifecycleRequests") String methodAndPath,
            @ForAll("accepts") String accept,
            @ForAll("queries") String query) {
        String[] parts = methodAndPath.split(" ", 2);
        send(new FuzzRequest(
                parts[0],
                parts[1] + query,
                Generators.headerList("Authorization", "Bearer " + adminToken, "Accept", accept),
                new byte[0]));
    }

    @Provide
    Arbitrary<String> lifecycleRequests() {
        return Generators.lifecycleRequests();
    }

    @Property(tries = 1500)
    void apiKeyBodies(@ForAll("apiKeyBodies") byte[] body) {
        Answer a = send(new FuzzRequest(
                "POST",
                Seed.apiKeysPath(Seed.ORG_A),
                Generators.headerList("Authorization", "Bearer " + adminToken, "Content-Type", "application/json"),
                body));
        checkBodyRules(body, a);
    }

    @Property(tries = 2000)
    void headers(
            @ForAll("anyOperation") String path,
            @ForAll("contentTypes") String contentType,
            @ForAll("accepts") String accept,
            @ForAll("authorizations") String authorization,
            @ForAll("extraHeaders") List<String[]> extra) {
        List<String[]> headers = new ArrayList<>(Generators.headerList(
                "Content-Type",
                contentType,
                "Accept",
                accept,
                "Authorization",
                authorization.replace(Generators.BEARER_PLACEHOLDER, adminToken)));
        headers.addAll(extra);
        String body = path.contains("apiKeys")
                ? "{\"desc\":\"fuzzed headers\",\"roles\":[\"ORG_MEMBER\"]}"
                : "{\"secretExpiresAfterHours\":8}";
        send(new FuzzRequest("POST", path, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1800)
    void queryValues(@ForAll("anyOperation") String path, @ForAll("queries") String query) {
        String type = path.startsWith("/api/atlas") ? Http.ATLAS : "application/json";
        String body = path.contains("apiKeys")
                ? "{\"desc\":\"fuzzed query\",\"roles\":[\"ORG_READ_ONLY\"]}"
                : "{\"secretExpiresAfterHours\":8}";
        send(new FuzzRequest(
                "POST",
                path + query,
                Generators.headerList("Authorization", "Bearer " + adminToken, "Content-Type", type, "Accept", type),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 1800)
    void oauthEndpoints(
            @ForAll("oauthPaths") String path,
            @ForAll("formContentTypes") String contentType,
            @ForAll("basicHeaders") String authorization,
            @ForAll("forms") byte[] form) {
        send(new FuzzRequest(
                "POST",
                path,
                Generators.headerList("Authorization", authorization, "Content-Type", contentType),
                form));
    }

    @Property(tries = 400)
    void rawProtocol(@ForAll("rawCases") RawCases.RawCase rawCase) {
        FUZZED.incrementAndGet();
        Answer a = raw.exchange(rawCase.bytes());
        if (a != null && !rawCase.framed()) {
            // Broken framing is refused by the HTTP layer, but still with a 4xx ApiError, never a bare or 5xx answer.
            Oracle.check(rawCase.toString(), "POST", a);
            assertThat(a.status()).as("answer to broken framing " + rawCase).isBetween(400, 499);
            return;
        }
        if (a == null) {
            assertThat(rawCase.framed())
                    .as("a well-framed request got no answer: " + rawCase)
                    .isFalse();
            CLOSED_WITHOUT_ANSWER.incrementAndGet();
            return;
        }
        String method = new String(rawCase.bytes(), StandardCharsets.ISO_8859_1).split(" ", 2)[0];
        Oracle.check(rawCase.toString(), method, a);
    }

    // ---- oracle helpers -----------------------------------------------------------------------

    private static Answer send(FuzzRequest request) {
        FUZZED.incrementAndGet();
        Answer a;
        try {
            a = request.send(http, raw);
        } catch (Http.TransportFailure staleConnection) {
            // The server closed a kept-alive connection without saying so; a new connection must get an answer.
            STALE_CONNECTIONS.incrementAndGet();
            a = request.send(http, raw);
        }
        Oracle.check(request.toString(), request.method(), a);
        return a;
    }

    /** Rules that hold for a known operation with valid credentials, whatever the body. */
    private static void checkBodyRules(byte[] body, Answer a) {
        if (body.length > 65_536) {
            assertThat(a.status()).as("a body over 64 KiB").isEqualTo(413);
            assertThat(a.errorCode()).isEqualTo("REQUEST_TOO_LARGE");
            return;
        }
        assertThat(a.status()).as("a body within 64 KiB").isNotEqualTo(413);
        if (!validUtf8(body)) {
            assertThat(a.status()).as("invalid UTF-8").isEqualTo(400);
            assertThat(a.errorCode()).as("invalid UTF-8").isEqualTo("MALFORMED_JSON");
        }
    }

    private static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // ---- arbitraries --------------------------------------------------------------------------

    @Provide
    Arbitrary<String> methods() {
        return Generators.methods();
    }

    @Provide
    Arbitrary<String> paths() {
        return Generators.paths();
    }

    @Provide
    Arbitrary<String> queries() {
        return Generators.queries();
    }

    @Provide
    Arbitrary<byte[]> secretBodies() {
        return Generators.secretBodies();
    }

    @Provide
    Arbitrary<byte[]> apiKeyBodies() {
        return Generators.apiKeyBodies();
    }

    @Provide
    Arbitrary<String> secretOperations() {
        return Arbitraries.integers()
                .between(0, TARGETS - 1)
                .flatMap(i -> Arbitraries.of(
                        Seed.orgSecretPath(Seed.ORG_A, Seed.target(i)),
                        Seed.groupSecretPath(Seed.PROJECT_A, Seed.target(i)),
                        Seed.cloudManagerSecretPath(Seed.ORG_A, Seed.target(i))));
    }

    @Provide
    Arbitrary<String> anyOperation() {
        return Arbitraries.oneOf(
                secretOperations(), Arbitraries.of(Seed.apiKeysPath(Seed.ORG_A), Seed.apiKeysPath(Seed.ORG_B)));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Generators.contentTypes();
    }

    @Provide
    Arbitrary<String> accepts() {
        return Generators.accepts();
    }

    @Provide
    Arbitrary<String> authorizations() {
        return Generators.authorizations();
    }

    @Provide
    Arbitrary<List<String[]>> extraHeaders() {
        return Generators.extraHeaders();
    }

    @Provide
    Arbitrary<String> oauthPaths() {
        return Arbitraries.of("/api/oauth/token", "/api/oauth/revoke", "/api/oauth/token/", "/api/oauth/token?x=%FF");
    }

    @Provide
    Arbitrary<String> formContentTypes() {
        return Generators.formContentTypes();
    }

    @Provide
    Arbitrary<String> basicHeaders() {
        return Generators.basicHeaders();
    }

    @Provide
    Arbitrary<byte[]> forms() {
        return Generators.forms();
    }

    @Provide
    Arbitrary<RawCases.RawCase> rawCases() {
        return RawCases.cases(emulator.baseUri().getHost() + ":" + emulator.port());
    }
}
