package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The curl commands of the seed documents, run with the real curl (its own Digest handshake) against
 * the emulator: only the host and the placeholders are replaced.
 */
class CurlDocumentCommandsTest {
    static final String ORG_SECRETS =
            "/api/atlas/v2/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets";
    static final String GROUP_SECRETS =
            "/api/atlas/v2/groups/" + DEMO_PROJECT_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets";
    static final String CM_SECRETS =
            "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/serviceAccounts/" + DEMO_TARGET_CLIENT_ID + "/secrets/";
    static final String API_KEYS = "/api/public/v1.0/orgs/" + DEMO_ORG_ID + "/apiKeys";
    static final String DIGEST_USER = DEMO_PUBLIC_KEY + ":" + DEMO_PRIVATE_KEY;

    static AtlasEmulator emulator;
    static String base;

    @BeforeAll
    static void start() {
        assumeTrue(curlAvailable(), "curl is not installed");
        emulator = AtlasEmulator.builder().port(0).start();
        base = emulator.baseUri().toString();
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    /** What curl saw of the final response. */
    record Reply(int status, String contentType, String httpVersion, String body) {
        JsonNode json() {
            try {
                return TestHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    @Test
    void cloudManagerSecretWithNumericStringHoursOverDigest() {
        // Cloud Manager "Create One Organization Service Account Secret".
        Reply r = curl(
                "--user",
                DIGEST_USER,
                "--digest",
                "--header",
                "Accept: application/json",
                "--header",
                "Content-Type: application/json",
                "--request",
                "POST",
                base + CM_SECRETS + "?pretty=true",
                "--data",
                "{\n\"secretExpiresAfterHours\": \"3600\"\n}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.body()).contains("\n  \"secret\" : \"mdb_sa_sk_");
        assertThat(secretObtainsToken(r.json().get("secret").asText())).isTrue();
    }

    @Test
    void cloudManagerApiKeyOverDigest() {
        // Cloud Manager "Create One Organization API Key".
        Reply r = curl(
                "--user",
                DIGEST_USER,
                "--digest",
                "--header",
                "Accept: application/json",
                "--header",
                "Content-Type: application/json",
                "--request",
                "POST",
                base + API_KEYS + "?pretty=true",
                "--data",
                "{ \"desc\" : \"New API key for test purposes\", \"roles\": [\"ORG_MEMBER\", \"ORG_BILLING_ADMIN\"] }");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode key = r.json();
        assertThat(key.get("desc").asText()).isEqualTo("New API key for test purposes");
        assertThat(key.get("privateKey").asText())
                .matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        assertThat(key.get("roles").findValuesAsText("roleName"))
                .containsExactlyInAnyOrder("ORG_MEMBER", "ORG_BILLING_ADMIN");
        assertThat(key.get("roles").findValuesAsText("orgId")).containsOnly(DEMO_ORG_ID);
        // The new key authenticates at once: it is not an owner, so the answer is 401 USER_UNAUTHORIZED without a
        // new Digest challenge (a key that failed to authenticate would get one).
        Reply withNewKey = curl(
                "--user",
                key.get("publicKey").asText() + ":" + key.get("privateKey").asText(),
                "--digest",
                "--header",
                "Content-Type: application/json",
                "--request",
                "POST",
                base + API_KEYS,
                "--data",
                "{\"desc\":\"x\",\"roles\":[\"ORG_MEMBER\"]}");
        assertThat(withNewKey.status()).isEqualTo(401);
        assertThat(withNewKey.json().get("errorCode").asText()).isEqualTo("USER_UNAUTHORIZED");
    }

    @Test
    void atlasOrgSecretOverDigestWithLaterVersionDate() {
        // Atlas "Create One Organization Service Account Secret", API-key variant.
        Reply r = curl(
                "--user",
                DIGEST_USER,
                "--digest",
                "--include",
                "--header",
                "Accept: application/vnd.atlas.2025-03-12+json",
                "--header",
                "Content-Type: application/json",
                "-X",
                "POST",
                base + ORG_SECRETS,
                "-d",
                "{\n  \"secretExpiresAfterHours\": 8\n}");
        // 2025-03-12 is not a version of this operation (2024-08-05 is its only one): the versioning page
        // answers a version that does not exist for the resource with 406 (negotiated before the credentials).
        assertThat(r.status()).as(r.body()).isEqualTo(406);
        assertThat(r.body())
                .startsWith("HTTP/1.1 406 Not Acceptable")
                .contains("\"errorCode\":\"INVALID_VERSION_DATE\"");
    }

    @Test
    void atlasOrgSecretWithBearerToken() {
        String token = token();
        // The documentation's 2025-03-12 gets 406 (see above); the operation's own version is sent instead.
        Reply r = curl(
                "--include",
                "--header",
                "Authorization: Bearer " + token,
                "--header",
                "Accept: application/vnd.atlas.2024-08-05+json",
                "--header",
                "Content-Type: application/json",
                "-X",
                "POST",
                base + ORG_SECRETS,
                "-d",
                "{\n  \"secretExpiresAfterHours\": 8\n}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.contentType()).isEqualTo("application/vnd.atlas.2024-08-05+json");
        assertThat(r.body())
                .contains("X-MongoDB-Service-Version: gitHash=")
                .contains("Strict-Transport-Security: max-age=300");
    }

    @Test
    void atlasProjectSecretWithOnlyVersionedContentType() {
        // Atlas "Create One Project Service Account Secret": no Accept header (curl sends */*).
        String token = token();
        Reply r = curl(
                "--request",
                "POST",
                base + GROUP_SECRETS,
                "--header",
                "Authorization: Bearer " + token,
                "--header",
                "Content-Type: application/vnd.atlas.2024-08-05+json",
                "--data",
                "{\n\"secretExpiresAfterHours\": 8\n}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.contentType()).isEqualTo("application/vnd.atlas.2024-08-05+json");
        assertThat(secretObtainsToken(r.json().get("secret").asText())).isTrue();
    }

    @Test
    void http2PriorUpgradeOnCleartextPostIsServed() {
        // curl --http2 on http:// sends "Upgrade: h2c" with the POST; the answer must still come, at once.
        long started = System.nanoTime();
        Reply r = curl(
                "--http2",
                "--header",
                "Authorization: Bearer " + token(),
                "--header",
                "Content-Type: application/vnd.atlas.2024-08-05+json",
                "--data",
                "{\"secretExpiresAfterHours\": 8}",
                base + GROUP_SECRETS);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.httpVersion()).isIn("1.1", "2");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(5);
        Reply form = curl(
                "--http2",
                "--user",
                DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET,
                "--data",
                "grant_type=client_credentials",
                base + "/api/oauth/token");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
    }

    @Test
    void wrongDigestPasswordIsRefusedWithTheApiError() {
        Reply r = curl(
                "--user",
                DEMO_PUBLIC_KEY + ":00000000-0000-0000-0000-000000000000",
                "--digest",
                "--header",
                "Content-Type: application/json",
                "--request",
                "POST",
                base + API_KEYS,
                "--data",
                "{\"desc\":\"x\",\"roles\":[\"ORG_MEMBER\"]}");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asText()).isEqualTo("USER_UNAUTHORIZED");
    }

    private static String token() {
        Reply r = curl(
                "--request",
                "POST",
                base + "/api/oauth/token",
                "--header",
                "accept: application/json",
                "--header",
                "cache-control: no-cache",
                "--header",
                "content-type: application/x-www-form-urlencoded",
                "--user",
                DEMO_CLIENT_ID + ":" + DEMO_CLIENT_SECRET,
                "--data",
                "grant_type=client_credentials");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("access_token").asText();
    }

    private static boolean secretObtainsToken(String secret) {
        Reply r = curl(
                "--user",
                DEMO_TARGET_CLIENT_ID + ":" + secret,
                "--data",
                "grant_type=client_credentials",
                base + "/api/oauth/token");
        return r.status() == 200 && r.json().hasNonNull("access_token");
    }

    private static final String TRAILER = "\n@@curl@@";

    static Reply curl(String... args) {
        List<String> command = new ArrayList<>(List.of(
                "curl",
                "--silent",
                "--show-error",
                "--max-time",
                "10",
                "--write-out",
                TRAILER + "%{http_code} %{content_type} %{http_version}"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("curl failed: " + out).isZero();
            int at = out.lastIndexOf(TRAILER);
            String[] info = out.substring(at + TRAILER.length()).split(" ", -1);
            return new Reply(
                    Integer.parseInt(info[0]),
                    info[1],
                    info[2],
                    out.substring(0, at).replace("\r\n", "\n"));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static boolean curlAvailable() {
        try {
            Process p = new ProcessBuilder("curl", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
