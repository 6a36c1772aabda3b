package io.github.atlascredentials.reliability.crash;

import io.github.atlascredentials.reliability.support.Emulators;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runnable emulator jar in its own JVM, with stdout and stderr captured to files under
 * {@code target/emulator-logs/} (the leak scan reads them). Falls back to the test class path when the
 * jar has not been built (e.g. {@code -pl reliability} on a tree where server-stub was only installed).
 */
final class ChildEmulator implements AutoCloseable {
    private final Process process;
    private final URI baseUri;
    private final boolean fromJar;

    private ChildEmulator(Process process, URI baseUri, boolean fromJar) {
        this.process = process;
        this.baseUri = baseUri;
        this.fromJar = fromJar;
    }

    static ChildEmulator start(String name, String... options) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("emulator.shaded.jar", "../server-stub/target/atlas-emulator.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        boolean fromJar = Files.isRegularFile(jar);
        if (fromJar) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of(
                    "-cp", System.getProperty("java.class.path"), "io.github.atlascredentials.emulator.EmulatorMain"));
        }
        command.addAll(List.of(options));
        Files.createDirectories(Emulators.logRoot());
        Path out = Emulators.logRoot().resolve(name + ".out.log");
        Path err = Emulators.logRoot().resolve(name + ".err.log");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith("Listening on ")) {
                    return new ChildEmulator(
                            process,
                            URI.create(line.substring("Listening on ".length()).trim()),
                            fromJar);
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the emulator exited with " + process.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new AssertionError("the emulator did not print 'Listening on' within 30 s");
    }

    URI baseUri() {
        return baseUri;
    }

    boolean fromJar() {
        return fromJar;
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, no close. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the emulator survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
