package io.github.atlascredentials.reliability.support;

import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.seed.SeedParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where the suite keeps its files, and in-process emulators seeded with {@link Seed}. */
public final class Emulators {
    private Emulators() {}

    /** The suite's seed, for {@code AtlasEmulatorExtension.configured(Emulators.seeded(n))}. */
    public static java.util.function.Consumer<AtlasEmulator.Builder> seeded(int targets) {
        return builder -> builder.seed(
                SeedParser.parse("reliability seed", Seed.json(targets).getBytes(StandardCharsets.UTF_8)));
    }

    /** An emulator builder on 127.0.0.1, a random port, with the suite's seed. */
    public static AtlasEmulator.Builder inProcess(int targets) {
        return AtlasEmulator.builder()
                .bind("127.0.0.1")
                .port(0)
                .seed(SeedParser.parse("reliability seed", Seed.json(targets).getBytes(StandardCharsets.UTF_8)));
    }

    public static Path dataRoot() {
        return Path.of(System.getProperty("reliability.data.dir", "target/reliability-data"));
    }

    public static Path logRoot() {
        return Path.of(System.getProperty("reliability.log.dir", "target/emulator-logs"));
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("reliability.root.dir", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** Appends a line of figures to target/reliability-figures.txt (read by the lead's report). */
    public static synchronized void figure(String line) {
        try {
            Path file = dataRoot().getParent().resolve("reliability-figures.txt");
            java.nio.file.Files.writeString(
                    file,
                    line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            System.out.println("[figures] " + line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
