package io.github.atlascredentials.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's run command is the way the emulator is measured (issue 26): its launcher, whose JVM
 * settings the by-hand {@code java} commands of the README and guide 5 repeat, so that users on Windows
 * get the same collector and archive.
 */
class ReadmeRunCommandTest {

    private static final Path ROOT =
            Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final String LAUNCHER = "server-stub/scripts/atlas-emulator";
    /** What the launcher passes to java, in the words the by-hand commands use. */
    private static final List<String> LAUNCHER_OPTIONS =
            List.of("-XX:+UseZGC", "-Xms16m", "-XX:SharedArchiveFile=", "atlas-emulator.jsa", "-Xlog:cds=off");

    @Test
    void theReadmeRunsTheLauncherAfterTheBuild() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("./mvnw install -DskipTests && " + LAUNCHER + "\n");
        assertThat(ROOT.resolve(LAUNCHER)).isRegularFile();
        assertThat(Files.isExecutable(ROOT.resolve(LAUNCHER)))
                .as(LAUNCHER + " is executable")
                .isTrue();
    }

    @Test
    void theByHandCommandsCarryTheLaunchersSettings() throws IOException {
        String launcher = Files.readString(ROOT.resolve(LAUNCHER));
        assertThat(launcher).contains(LAUNCHER_OPTIONS);
        for (String doc : List.of("README.md", "docs/5-emulator.md")) {
            String byHand = Files.readString(ROOT.resolve(doc))
                    .lines()
                    .filter(line -> line.contains("java -XX:+UseZGC")
                            && line.contains("-jar server-stub/target/atlas-emulator.jar"))
                    .findFirst()
                    .orElse("");
            assertThat(byHand).as("the java command of " + doc).contains(LAUNCHER_OPTIONS);
        }
    }
}
