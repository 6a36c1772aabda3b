package io.github.atlascredentials.contract.e2e;

import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_ORG_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_TARGET_CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.AtlasCredentialsClient;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.emulator.AtlasEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's first call ({@link FirstCall}) as a user runs it: in a JVM of its own, {@code main}
 * without arguments, the emulator's address in {@code ATLAS_EMULATOR_URL}, against an emulator that holds
 * its demo data (the built-in seed it prints at start-up).
 */
class FirstCallTest {

    @Test
    void theReadmeProgramCreatesASecretForTheDemoTargetAndPrintsItMasked() throws Exception {
        try (AtlasEmulator emulator = AtlasEmulator.builder().port(0).start()) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder run = new ProcessBuilder(
                            java, "-cp", System.getProperty("java.class.path"), FirstCall.class.getName())
                    .redirectErrorStream(true);
            run.environment().put("ATLAS_EMULATOR_URL", emulator.baseUri().toString());
            Process program = run.start();
            program.getOutputStream().close();
            String printed = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(program.waitFor(60, TimeUnit.SECONDS))
                    .as("the program ends")
                    .isTrue();

            assertThat(program.exitValue())
                    .as("exit status; it printed:%n%s", printed)
                    .isZero();
            try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
                    .baseUrl(emulator.baseUri())
                    .credential(ServiceAccountCredential.of(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET))
                    .build()) {
                var secrets = atlas.getOrgServiceAccount(DEMO_ORG_ID, DEMO_TARGET_CLIENT_ID)
                        .getSecrets();
                assertThat(secrets).as("the demo target had no secret before").hasSize(1);
                ServiceAccountSecret created = secrets.get(0);
                assertThat(printed)
                        .contains(
                                "class ServiceAccountSecret {",
                                "id: " + created.getId(),
                                "maskedSecretValue: " + created.getMaskedSecretValue(),
                                "secret: *");
            }
        }
    }
}
