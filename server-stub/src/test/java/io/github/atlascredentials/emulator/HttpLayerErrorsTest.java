package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_ORG_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_TARGET_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.HttpBrokenContentException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests the HTTP layer below JAX-RS used to refuse on its own (500 on an illegal URI, bare 400 or
 * 505 from the codec, a stack overflow on a long Digest value): each must get the API's 4xx error JSON.
 * Sent over raw sockets, since most of them cannot be expressed with an HTTP client.
 */
class HttpLayerErrorsTest {
    static final String API_KEYS = "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/apiKeys";
    static final String CM_SECRETS =
            "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets/";

    static AtlasEmulator emulator;
    static String token;

    /** Grizzly logs the codec errors it hands on (GRIZZLY0013): kept here for the tests, not printed. */
    static final Logger FILTER_CHAIN = Logger.getLogger("org.glassfish.grizzly.filterchain.DefaultFilterChain");

    static final List<LogRecord> CODEC_WARNINGS = new CopyOnWriteArrayList<>();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            CODEC_WARNINGS.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void start() {
        FILTER_CHAIN.addHandler(CAPTURE);
        FILTER_CHAIN.setUseParentHandlers(false);
        emulator = AtlasEmulator.builder().port(0).start();
        token = new TestHttp(emulator.baseUri()).token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
    }

    @AfterAll
    static void stop() {
        emulator.close();
        FILTER_CHAIN.removeHandler(CAPTURE);
        FILTER_CHAIN.setUseParentHandlers(true);
    }

    // ---- targets that are no legal URI (were 500) ------------------------------------------------

    @Test
    void brokenEscapeInQueryIsInvalidQueryParameter() {
        RawAnswer a = exchange(post(API_KEYS + "?pretty=true&envelope=%ZZ", ""));
        assertApiError(a, 400, "INVALID_QUERY_PARAMETER");
        assertThat(a.json().get("parameters").get(0).asText()).isEqualTo("envelope");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{orgId}", "4888442a3354817a7320eb6|", "a^b`c", "\u0085", "%ZZ{"})
    void illegalCharacterInOrgIdIsInvalidOrgId(String orgId) {
        RawAnswer a = exchange(post("/api/public/v1.0/orgs/" + orgId + "/apiKeys", ""));
        assertApiError(a, 404, "INVALID_ORG_ID");
        assertThat(a.json().get("parameters")).hasSize(1);
    }

    @Test
    void illegalCharacterInUnknownPathIsNotFound() {
        assertApiError(exchange(post("/api/nothing|here", "")), 404, "RESOURCE_NOT_FOUND");
    }

    @Test
    void illegalPathWithWrongMethodIsMethodNotAllowed() {
        RawAnswer a = exchange(request(
                "GET /api/public/v1.0/orgs/{orgId}/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets/ HTTP/1.1",
                "Connection: close",
                "",
                ""));
        assertApiError(a, 405, "METHOD_NOT_ALLOWED");
        assertThat(a.header("allow")).isEqualTo("POST");
    }

    @Test
    void illegalQueryOnTokenEndpointIsOAuthInvalidRequest() {
        RawAnswer a = exchange(post("/api/oauth/token?x=%ZZ", "grant_type=client_credentials"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.header("content-type")).isEqualTo("application/json");
        assertThat(a.json().get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void hostThatIsNoHostNameIsInvalidRequest() {
        RawAnswer a = exchange(
                ("POST " + API_KEYS + " HTTP/1.1\r\nHost: a b\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertApiError(a, 400, "INVALID_REQUEST");
    }

    // ---- refusals of Grizzly's codec (were an empty 400 or 505) --------------------------------

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Content-Length: abc",
                "Content-Length: -1",
                "Content-Length: 99999999999999999999",
                "Content-Length: 5\r\nContent-Length: 2"
            })
    void brokenContentLengthIsInvalidRequest(String framing) {
        RawAnswer a = exchange(request(
                "POST " + API_KEYS + " HTTP/1.1",
                "Content-Type: application/json",
                framing,
                "Connection: close",
                "",
                "{}"));
        assertApiError(a, 400, "INVALID_REQUEST");
    }

    /** The body limit admits exactly its size, whether the length is declared or the body is chunked. */
    @Test
    void bodyOfExactlyTheLimitPassesOnToAuthenticationAndOneByteMoreIsTooLarge() {
        int max = SpecFacts.MAX_REQUEST_BODY_BYTES;
        for (int size : new int[] {max, max + 1}) {
            int expected = size > max ? 413 : 401; // no credentials: past the size check, authentication refuses
            String body = " ".repeat(size);
            RawAnswer declared = exchange(withBody(
                    "POST " + API_KEYS + " HTTP/1.1",
                    body.getBytes(StandardCharsets.ISO_8859_1),
                    "Content-Type: application/json"));
            assertThat(declared.status())
                    .as("%d bytes with Content-Length", size)
                    .isEqualTo(expected);
            RawAnswer chunked = exchange(request(
                    "POST " + API_KEYS + " HTTP/1.1",
                    "Content-Type: application/json",
                    "Transfer-Encoding: chunked",
                    "Connection: close",
                    "",
                    Integer.toHexString(size) + "\r\n" + body + "\r\n0\r\n\r\n"));
            assertThat(chunked.status()).as("%d bytes chunked", size).isEqualTo(expected);
        }
    }

    @Test
    void brokenChunkSizeIsInvalidRequest() throws InterruptedException {
        RawAnswer a = exchange(request(
                "POST " + API_KEYS + " HTTP/1.1",
                "Content-Type: application/json",
                "Transfer-Encoding: chunked",
                "Connection: close",
                "",
                "zz\r\n{}\r\n0\r\n\r\n"));
        assertApiError(a, 400, "INVALID_REQUEST");
        // Grizzly still logs the broken chunk on its worker thread, possibly after the answer was sent.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (CODEC_WARNINGS.stream().noneMatch(HttpLayerErrorsTest::isBrokenChunk) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(CODEC_WARNINGS).anyMatch(HttpLayerErrorsTest::isBrokenChunk);
    }

    private static boolean isBrokenChunk(LogRecord warning) {
        return warning.getThrown() instanceof HttpBrokenContentException broken
                && broken.getMessage().contains("chunk length");
    }

    @Test
    void unknownHttpVersionIsInvalidRequestNot505() {
        RawAnswer a = exchange(("POST " + API_KEYS + " HTTP/9.9\r\nHost: h\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertApiError(a, 400, "INVALID_REQUEST");
    }

    @Test
    void requestLineWithoutVersionIsInvalidRequestWithHeaders() {
        // Found by the reliability fuzzer: HTTP/0.9 answers carried no Content-Type.
        RawAnswer a = exchange(("POST " + API_KEYS + "\r\nHost: h\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertApiError(a, 400, "INVALID_REQUEST");
    }

    @Test
    void websocketUpgradeIsIgnoredAndAnsweredWithHeaders() {
        // Found by the reliability fuzzer: an upgrade request got its 405 without any Content-Type.
        RawAnswer a =
                exchange(("GET " + CM_SECRETS + " HTTP/1.1\r\nHost: h\r\nConnection: close\r\nUpgrade: websocket\r\n"
                                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertApiError(a, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void missingHostIsInvalidRequest() {
        RawAnswer a = exchange(("POST " + API_KEYS + " HTTP/1.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertApiError(a, 400, "INVALID_REQUEST");
    }

    @Test
    void tooManyHeadersIsInvalidRequest() {
        RawAnswer a = exchange(request(
                "POST " + API_KEYS + " HTTP/1.1",
                "X-Many: m\r\n".repeat(300) + "Content-Length: 0",
                "Connection: close",
                "",
                ""));
        assertApiError(a, 400, "INVALID_REQUEST");
    }

    @Test
    void headOver64KiBIsInvalidRequest() {
        RawAnswer a = exchange(request(
                "POST " + API_KEYS + " HTTP/1.1",
                "X-Long: " + "l".repeat(70_000),
                "Content-Length: 0",
                "Connection: close",
                "",
                ""));
        assertApiError(a, 400, "INVALID_REQUEST");
        assertThat(a.json().get("detail").asText()).contains("65536");
    }

    @Test
    void queryOf9000CharactersReachesTheQueryChecks() {
        RawAnswer a = exchange(post(API_KEYS + "?envelope=" + "t".repeat(9000), ""));
        assertApiError(a, 400, "INVALID_QUERY_PARAMETER");
    }

    @Test
    void longUnknownQueryParameterIsIgnoredAndTheSecretCreated() {
        byte[] body = "{\"secretExpiresAfterHours\": 8}".getBytes(StandardCharsets.UTF_8);
        RawAnswer a = exchange(request(
                "POST " + CM_SECRETS + "?foo=" + "f".repeat(9000) + " HTTP/1.1",
                "Authorization: Bearer " + token,
                "Content-Type: application/json",
                "Content-Length: " + body.length,
                "Connection: close",
                "",
                new String(body, StandardCharsets.ISO_8859_1)));
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
    }

    @Test
    void repeatedContentTypeIsReadAsTheFirstAndAnsweredWithJson() {
        // Found by the reliability fuzzer after the request pipeline was split into steps.
        byte[] body = "{\"secretExpiresAfterHours\": 8}".getBytes(StandardCharsets.UTF_8);
        RawAnswer a = exchange(request(
                "POST " + CM_SECRETS + " HTTP/1.1",
                "Authorization: Bearer " + token,
                "Content-Type: application/json; charset=utf-8",
                "Content-Type: text/plain",
                "Content-Length: " + body.length,
                "Connection: close",
                "",
                new String(body, StandardCharsets.ISO_8859_1)));
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
    }

    // ---- bodies on methods without one --------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"GET", "DELETE", "OPTIONS", "PUT", "TRACE"})
    void bodyOnAnotherMethodIsMethodNotAllowed(String method) {
        // The Cloud Manager create path has only POST (the API keys path has GET too).
        RawAnswer a = exchange(request(
                method + " " + CM_SECRETS + " HTTP/1.1",
                "Content-Type: application/json",
                "Content-Length: 2",
                "Connection: close",
                "",
                "{}"));
        assertApiError(a, 405, "METHOD_NOT_ALLOWED");
        assertThat(a.header("allow")).isEqualTo("POST");
    }

    @Test
    void headWithBodyIsMethodNotAllowed() {
        String answer = new String(
                send(request("HEAD " + CM_SECRETS + " HTTP/1.1", "Content-Length: 2", "Connection: close", "", "{}")),
                StandardCharsets.ISO_8859_1);
        assertThat(answer)
                .startsWith("HTTP/1.1 405 ")
                .contains("\r\nAllow: POST\r\n", "\r\nContent-Type: application/json\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "GET", "DELETE"})
    void bodyOfRefusedRequestIsNotReadAsTheNextRequest(String method) {
        String body = "{\"desc\": \"a b\"}";
        byte[] two = (method + " " + CM_SECRETS + " HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body
                        + "POST /a/.. HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        List<RawAnswer> answers = RawAnswer.parseAll(send(two));
        assertThat(answers).hasSize(2);
        assertApiError(answers.get(0), 405, "METHOD_NOT_ALLOWED");
        assertApiError(answers.get(1), 404, "RESOURCE_NOT_FOUND");
    }

    // ---- Digest header with a long quoted value (was a stack overflow, 500) --------------------

    @ParameterizedTest
    @ValueSource(ints = {3_000, 60_000})
    void longQuotedDigestValueIsUnauthorized(int length) {
        RawAnswer a = exchange(request(
                "POST " + API_KEYS + " HTTP/1.1",
                "Content-Type: application/json",
                "Authorization: Digest username=\"" + "u".repeat(length) + "\", realm=\"MMS Public API\"",
                "Content-Length: 2",
                "Connection: close",
                "",
                "{}"));
        assertApiError(a, 401, "USER_UNAUTHORIZED");
        assertThat(a.header("www-authenticate")).startsWith("Digest ");
    }

    // ---- invalid UTF-8 that Jackson accepts ---------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "C1BF", "EDA080", "EDBFBF", "F4908080", "F8888080"})
    void invalidUtf8InBodyIsMalformedJson(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        for (String path : List.of(API_KEYS, CM_SECRETS)) {
            String prefix = path.equals(API_KEYS) ? "{\"desc\":\"" : "{\"secretExpiresAfterHours\":\"8";
            String suffix = path.equals(API_KEYS) ? "\",\"roles\":[\"ORG_OWNER\"]}" : "\"}";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
            RawAnswer a = exchange(withBody(
                    "POST " + path + " HTTP/1.1",
                    body.toByteArray(),
                    "Authorization: Bearer " + token,
                    "Content-Type: application/json"));
            assertApiError(a, 400, "MALFORMED_JSON");
        }
    }

    @Test
    void validMultiByteUtf8IsAccepted() {
        RawAnswer a = exchange(withBody(
                "POST " + API_KEYS + " HTTP/1.1",
                "{\"desc\":\"é 😀 ✓\",\"roles\":[\"ORG_MEMBER\"]}".getBytes(StandardCharsets.UTF_8),
                "Authorization: Bearer " + token,
                "Content-Type: application/json"));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.json().get("desc").asText()).isEqualTo("é 😀 ✓");
    }

    // ---- helpers -------------------------------------------------------------------------------

    static void assertApiError(RawAnswer a, int status, String errorCode) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.header("content-type")).as(a.toString()).isEqualTo("application/json");
        // the headers of every answer, also when the HTTP layer answers before the application
        assertThat(a.header("x-mongodb-service-version"))
                .as(a.toString())
                .matches("gitHash=atlas-emulator; versionString=\\d+\\.\\d+\\.\\d+.*"); // the build's version
        assertThat(a.header("strict-transport-security")).as(a.toString()).isEqualTo("max-age=300");
        JsonNode json = a.json();
        assertThat(json.path("error").asInt()).as(a.toString()).isEqualTo(status);
        assertThat(json.path("errorCode").asText()).as(a.toString()).isEqualTo(errorCode);
    }

    static byte[] post(String target, String body) {
        return request(
                "POST " + target + " HTTP/1.1",
                "Content-Type: application/json",
                "Content-Length: " + body.length(),
                "Connection: close",
                "",
                body);
    }

    /** The request line, then Host, then the other lines joined by CRLF (Latin-1, so any byte can be sent). */
    static byte[] request(String requestLine, String... lines) {
        String text = requestLine + "\r\nHost: 127.0.0.1:" + emulator.port() + "\r\n" + String.join("\r\n", lines);
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] withBody(String requestLine, byte[] body, String... headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>(List.of(headers));
        lines.add("Content-Length: " + body.length);
        lines.add("Connection: close");
        lines.add("");
        lines.add("");
        out.writeBytes(request(requestLine, lines.toArray(String[]::new)));
        out.writeBytes(body);
        return out.toByteArray();
    }

    static RawAnswer exchange(byte[] request) {
        List<RawAnswer> answers = RawAnswer.parseAll(send(request));
        assertThat(answers).as("answers to one request").hasSize(1);
        return answers.get(0);
    }

    /** Writes the bytes and reads until the server closes the connection (every test request ends with close). */
    static byte[] send(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                answer.write(buffer, 0, n);
            }
            return answer.toByteArray();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed within 10 s", e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    record RawAnswer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonNode json() {
            try {
                return TestHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        /** Every answer on the connection, framed by Content-Length (the emulator always sends one). */
        static List<RawAnswer> parseAll(byte[] bytes) {
            List<RawAnswer> answers = new ArrayList<>();
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < text.length()) {
                int headEnd = text.indexOf("\r\n\r\n", at);
                assertThat(headEnd)
                        .as("a complete answer head in: " + text.substring(at))
                        .isPositive();
                String[] lines = text.substring(at, headEnd).split("\r\n");
                int status = Integer.parseInt(lines[0].split(" ")[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
                String length = headers.get("content-length");
                int bodyLength = length == null ? 0 : Integer.parseInt(length);
                byte[] body = java.util.Arrays.copyOfRange(bytes, headEnd + 4, headEnd + 4 + bodyLength);
                answers.add(new RawAnswer(status, headers, body));
                at = headEnd + 4 + bodyLength;
            }
            return answers;
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + new String(body, StandardCharsets.UTF_8);
        }
    }
}
