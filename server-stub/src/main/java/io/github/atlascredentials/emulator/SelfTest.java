package io.github.atlascredentials.emulator;

import io.github.atlascredentials.emulator.auth.Crypto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --self-test}: starts an emulator with the demo seed on a free port, walks the main paths over
 * real HTTP (token, Atlas secret with a bearer token, Cloud Manager secret and API key with Digest,
 * an error), then stops. The build runs it once to record the class-data-sharing archive that
 * makes later start-ups faster; it is also a quick smoke test of an installation.
 */
final class SelfTest {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ATLAS = "application/vnd.atlas."
            + SpecFacts.RULES.versions().get(SpecFacts.RULES.versions().size() - 1) + "+json";

    private final URI base;

    private SelfTest(URI base) {
        this.base = base;
    }

    /** Returns null when every step answered as expected, else what went wrong. */
    static String run() {
        try (AtlasEmulator emulator = AtlasEmulator.builder().port(0).start()) {
            return new SelfTest(emulator.baseUri()).steps();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private String steps() throws IOException {
        String org = AtlasEmulator.DEMO_ORG_ID;
        String target = AtlasEmulator.DEMO_TARGET_CLIENT_ID;
        Answer token = send(
                "/api/oauth/token",
                "grant_type=client_credentials",
                "Authorization",
                basic(AtlasEmulator.DEMO_CLIENT_ID, AtlasEmulator.DEMO_CLIENT_SECRET),
                "Content-Type",
                "application/x-www-form-urlencoded");
        Matcher t = TOKEN.matcher(token.body);
        if (token.status != 200 || !t.find()) {
            return "token request answered " + token.status;
        }
        String bearer = "Bearer " + t.group(1);
        Answer atlas = send(
                "/api/atlas/v2/orgs/" + org + "/serviceAccounts/" + target + "/secrets?pretty=true",
                "{\"secretExpiresAfterHours\": 8}",
                "Authorization",
                bearer,
                "Accept",
                ATLAS,
                "Content-Type",
                ATLAS);
        if (atlas.status != 201) {
            return "Atlas secret answered " + atlas.status;
        }
        String cmPath = "/api/public/v1.0/orgs/" + org + "/serviceAccounts/" + target + "/secrets/?envelope=true";
        String keysPath = "/api/public/v1.0/orgs/" + org + "/apiKeys";
        Answer challenge = send(keysPath, "{}", "Content-Type", "application/json");
        Matcher n = NONCE.matcher(challenge.wwwAuthenticate == null ? "" : challenge.wwwAuthenticate);
        if (challenge.status != 401 || !n.find()) {
            return "Digest challenge answered " + challenge.status;
        }
        String nonce = n.group(1);
        Answer cloudManager = send(
                cmPath,
                "{\"secretExpiresAfterHours\": \"8\"}",
                "Content-Type",
                "application/json",
                "Authorization",
                digest("POST", cmPath, nonce, 1));
        if (cloudManager.status != 200 || !cloudManager.body.contains("\"status\":201")) {
            return "Cloud Manager secret answered " + cloudManager.status + " " + cloudManager.body;
        }
        Answer key = send(
                keysPath,
                "{\"desc\":\"self test\",\"roles\":[\"ORG_MEMBER\"]}",
                "Content-Type",
                "application/json",
                "Authorization",
                digest("POST", keysPath, nonce, 2));
        if (key.status != 200) {
            return "API key answered " + key.status;
        }
        Answer invalid = send(
                "/api/atlas/v2/orgs/" + org + "/serviceAccounts/" + target + "/secrets",
                "{\"secretExpiresAfterHours\": 1}",
                "Authorization",
                bearer,
                "Accept",
                ATLAS,
                "Content-Type",
                ATLAS);
        if (invalid.status != 400) {
            return "an invalid request answered " + invalid.status;
        }
        return null;
    }

    private record Answer(int status, String body, String wwwAuthenticate) {}

    private Answer send(String path, String body, String... headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(10_000);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        for (int i = 0; i < headers.length; i += 2) {
            c.setRequestProperty(headers[i], headers[i + 1]);
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, text, c.getHeaderField("WWW-Authenticate"));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String method, String uri, String nonce, int count) {
        String nc = String.format("%08x", count);
        String cnonce = Crypto.randomHex(8);
        String ha1 = Crypto.md5Hex(AtlasEmulator.DEMO_PUBLIC_KEY + ":MMS Public API:" + AtlasEmulator.DEMO_PRIVATE_KEY);
        String ha2 = Crypto.md5Hex(method + ":" + uri);
        String response = Crypto.md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + AtlasEmulator.DEMO_PUBLIC_KEY + "\", realm=\"MMS Public API\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", algorithm=MD5, qop=auth, nc=" + nc + ", cnonce=\"" + cnonce
                + "\", response=\"" + response + "\"";
    }
}
