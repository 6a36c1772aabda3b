package io.github.atlascredentials.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.atlascredentials.emulator.admin.AdminToken;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line off loopback (--bind 127.0.0.2), as a real child process: the token from the
 * environment variable, a generated token printed once, --no-test-support. Everything the process
 * printed (its log) and its data directory are searched for the token; no assertion prints it.
 */
class TestSupportCommandLineTest {
    private static final Pattern GENERATED = Pattern.compile("admin token +(\\S+) \\(generated");

    @BeforeAll
    static void secondLoopbackAddressIsBindable() {
        assumeTrue(TestSupportAccessTest.canBind(TestSupportAccessTest.OFF_LOOPBACK), "cannot bind 127.0.0.2");
    }

    @Test
    void tokenFromTheEnvironmentWorksAndNeverAppearsInTheLogOrTheDataDirectory(@TempDir Path dataDir) throws Exception {
        String token = AdminToken.randomValue();
        Child child = Child.start(
                Map.of(AdminToken.ENVIRONMENT_VARIABLE, token),
                "--bind",
                TestSupportAccessTest.OFF_LOOPBACK,
                "--data-dir",
                dataDir.toString());
        try {
            TestHttp http = new TestHttp(child.base);
            TestSupportAccessTest.assertUnauthorized(http.post("/_emulator/reset", ""));
            TestSupportAccessTest.assertUnauthorized(
                    http.post("/_emulator/reset", "", "Authorization", "Bearer " + token + "x"));
            assertThat(http.post("/_emulator/seed", TestSupportAccessTest.SEED, "Authorization", "Bearer " + token)
                            .status())
                    .isEqualTo(200);
            assertThat(http.post("/_emulator/reset", "", "Authorization", "Bearer " + token)
                            .status())
                    .isEqualTo(200);
        } finally {
            child.stop();
        }
        String output = child.output();
        assertThat(output)
                .contains("needs \"Authorization: Bearer <admin token>\"")
                .doesNotContain("(generated");
        assertThat(output.contains(token))
                .as("the token is not in the emulator's output")
                .isFalse();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the data directory was written").isNotEmpty();
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes.contains(token))
                    .as("the token is not in " + file.getFileName())
                    .isFalse();
        }
    }

    @Test
    void offLoopbackWithoutATokenOneIsGeneratedAndPrintedOnce() throws Exception {
        Child child = Child.start(Map.of(), "--bind", TestSupportAccessTest.OFF_LOOPBACK);
        String token;
        try {
            Matcher m = GENERATED.matcher(child.output());
            assertThat(m.find()).as("a generated token is printed").isTrue();
            token = m.group(1);
            TestHttp http = new TestHttp(child.base);
            TestSupportAccessTest.assertUnauthorized(http.post("/_emulator/reset", ""));
            assertThat(http.post("/_emulator/reset", "", "Authorization", "Bearer " + token)
                            .status())
                    .isEqualTo(200);
            assertThat(http.send("GET", "/_emulator/health", null).json().toString())
                    .isEqualTo("{\"status\":\"UP\"}");
        } finally {
            child.stop();
        }
        String output = child.output();
        assertThat(output.indexOf(token) == output.lastIndexOf(token))
                .as("printed once")
                .isTrue();
        assertThat(token).hasSize(43);
    }

    @Test
    void noTestSupportRemovesTheEndpointsAndGeneratesNoToken() throws Exception {
        Child child = Child.start(Map.of(), "--bind", TestSupportAccessTest.OFF_LOOPBACK, "--no-test-support");
        try {
            TestHttp http = new TestHttp(child.base);
            EmulatorBehaviourTest.expect(http.send("GET", "/_emulator/health", null), 404, "RESOURCE_NOT_FOUND");
            EmulatorBehaviourTest.expect(http.post("/_emulator/reset", ""), 404, "RESOURCE_NOT_FOUND");
        } finally {
            child.stop();
        }
        assertThat(child.output()).contains("Test support: off").doesNotContain("admin token ");
    }

    @Test
    void aBadTokenIsRefusedWithoutRepeatingIt() throws Exception {
        String tooShort = "short-token";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EmulatorMain.run(
                new String[] {"--port", "0", "--admin-token", tooShort},
                Map.of(),
                new java.io.PrintStream(new ByteArrayOutputStream()),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("the admin token must be at least 16");
        assertThat(message.contains(tooShort))
                .as("the message does not repeat the token")
                .isFalse();
    }

    /** An emulator process on a free port; everything it prints is collected until it stops. */
    private static final class Child {
        final Process process;
        final URI base;
        final StringBuffer lines;
        final Thread drain;

        private Child(Process process, URI base, StringBuffer lines, BufferedReader reader) {
            this.process = process;
            this.base = base;
            this.lines = lines;
            this.drain =
                    new Thread(() -> reader.lines().forEach(l -> lines.append(l).append('\n')));
            drain.setDaemon(true);
            drain.start();
        }

        static Child start(Map<String, String> env, String... args) throws IOException {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(
                    java, "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName(), "--port", "0"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove(AdminToken.ENVIRONMENT_VARIABLE);
            builder.environment().putAll(env);
            Process process = builder.start();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuffer lines = new StringBuffer();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String line;
            while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
                lines.append(line).append('\n');
                if (line.startsWith("Listening on ")) {
                    return new Child(process, URI.create(line.substring("Listening on ".length())), lines, reader);
                }
            }
            process.destroyForcibly();
            throw new AssertionError("the emulator did not start");
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: the shutdown hook closes the database
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
            drain.join(5_000);
        }

        String output() {
            return lines.toString();
        }
    }
}
