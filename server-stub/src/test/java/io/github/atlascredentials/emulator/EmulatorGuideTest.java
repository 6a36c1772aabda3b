package io.github.atlascredentials.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.emulator.resources.TestSupportResource;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.emulator.seed.SeedParser;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/5-emulator.md cannot rot: its seed example loads and works, and it names every option and endpoint. */
class EmulatorGuideTest {
    static String guide;

    @BeforeAll
    static void readGuide() throws IOException {
        String file = System.getProperty("emulator.guide", "../docs/5-emulator.md");
        guide = Files.readString(java.nio.file.Path.of(file), StandardCharsets.UTF_8);
    }

    @Test
    void seedExampleLoadsAndItsCredentialsWork() {
        SeedDocument seed = SeedParser.parse(
                "docs/5-emulator.md", jsonBlockUnder("## Seed file").getBytes(StandardCharsets.UTF_8));
        SeedDocument.Organization org = seed.organizations().get(0);
        SeedDocument.ServiceAccount admin = org.serviceAccounts().stream()
                .filter(sa -> !sa.secrets().isEmpty())
                .findFirst()
                .orElseThrow();
        SeedDocument.ApiKey key = org.apiKeys().get(0);
        try (AtlasEmulator emulator = AtlasEmulator.builder().port(0).seed(seed).start()) {
            TestHttp http = new TestHttp(emulator.baseUri());
            String token = http.token(admin.clientId(), admin.secrets().get(0).secret());
            SeedDocument.ServiceAccount target = org.serviceAccounts().stream()
                    .filter(sa -> sa != admin)
                    .findFirst()
                    .orElseThrow();
            TestHttp.Answer created = http.post(
                    "/api/atlas/v2/orgs/" + org.id() + "/serviceAccounts/" + target.clientId() + "/secrets",
                    "{\"secretExpiresAfterHours\": 8}",
                    "Authorization",
                    "Bearer " + token,
                    "Content-Type",
                    EmulatorBehaviourTest.ATLAS);
            assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
            TestHttp.Answer newKey = http.new Digest(key.publicKey(), key.privateKey())
                    .post(
                            "/api/public/v1.0/orgs/" + org.id() + "/apiKeys",
                            "{\"desc\":\"from the guide\",\"roles\":[\"ORG_MEMBER\"]}",
                            "Content-Type",
                            "application/json");
            assertThat(newKey.status()).as(newKey.raw().body()).isEqualTo(200);
        }
    }

    @Test
    void everyCommandLineOptionIsDocumented() {
        Matcher m = Pattern.compile("(--[a-z-]+)").matcher(EmulatorMain.USAGE);
        List<String> options = new ArrayList<>();
        while (m.find()) {
            options.add(m.group(1));
        }
        assertThat(options).contains("--port", "--bind", "--seed", "--data-dir", "--help");
        for (String option : options) {
            assertThat(guide).as("docs/5-emulator.md mentions " + option).contains("`" + option);
        }
    }

    @Test
    void everyTestSupportEndpointIsDocumented() {
        String base = TestSupportResource.class.getAnnotation(Path.class).value();
        int count = 0;
        for (Method method : TestSupportResource.class.getDeclaredMethods()) {
            Path path = method.getAnnotation(Path.class);
            if (path != null) {
                count++;
                assertThat(guide)
                        .as("docs/5-emulator.md documents " + base + path.value())
                        .contains(base + path.value());
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(5);
    }

    @Test
    void demoCredentialsInTheGuideAreTheBuiltInOnes() {
        assertThat(guide)
                .contains(
                        AtlasEmulator.DEMO_ORG_ID,
                        AtlasEmulator.DEMO_PROJECT_ID,
                        AtlasEmulator.DEMO_CLIENT_ID,
                        AtlasEmulator.DEMO_CLIENT_SECRET,
                        AtlasEmulator.DEMO_TARGET_CLIENT_ID,
                        AtlasEmulator.DEMO_PUBLIC_KEY,
                        AtlasEmulator.DEMO_PRIVATE_KEY);
    }

    private static String jsonBlockUnder(String heading) {
        int at = guide.indexOf("\n" + heading);
        assertThat(at).as("heading " + heading).isNotNegative();
        int start = guide.indexOf("```json\n", at);
        int nextHeading = guide.indexOf("\n## ", at + 1);
        assertThat(start).as("a ```json block under " + heading).isPositive();
        assertThat(nextHeading < 0 || start < nextHeading)
                .as("the ```json block is in the section " + heading)
                .isTrue();
        int end = guide.indexOf("\n```", start + 8);
        return guide.substring(start + 8, end + 1);
    }
}
