package io.github.atlascredentials.contract.specchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the client and the emulator from a changed spec exactly as a user would after editing it:
 * the project's own Maven build ({@code package}, offline, tests skipped), in a copy of the repository.
 * No hand-written file is touched.
 */
final class MutatedBuild {
    private final Path project;

    private MutatedBuild(Path project) {
        this.project = project;
    }

    static MutatedBuild run(Path repositoryRoot, Path workDir, List<SpecMutation> mutations) throws Exception {
        Path copy = ProjectCopy.of(repositoryRoot, Files.createDirectories(workDir.resolve("project")));
        Path spec = copy.resolve("spec/openapi.yaml");
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        for (SpecMutation m : mutations) {
            text = m.applyTo(text);
        }
        Files.writeString(spec, text, StandardCharsets.UTF_8);

        List<String> command = new ArrayList<>(List.of(
                copy.resolve("mvnw").toString(),
                "--batch-mode",
                "--offline",
                "--quiet",
                "package",
                "-pl",
                String.join(",", ProjectCopy.BUILT_MODULES),
                "-DskipTests",
                "-Demulator.cds.skip=true",
                "-Dspec.allowBreaking=true"));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null && !localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        Path log = workDir.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("MAVEN_ARGS"); // the outer build's arguments are not this build's
        Process process = builder.start();
        if (!process.waitFor(8, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the build of the changed spec took longer than 8 minutes; log: " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the build of the changed spec failed:\n" + tail(log));
        }
        return new MutatedBuild(copy);
    }

    Path emulatorJar() {
        return project.resolve("server-stub/target/atlas-emulator.jar");
    }

    /** The client's and the spec's jars (the rule table lives in the latter). */
    List<Path> clientJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String module : List.of("client", "spec")) {
            try (var files = Files.list(project.resolve(module).resolve("target"))) {
                files.filter(p -> p.toString().endsWith(".jar")
                                && !p.toString().endsWith("-sources.jar")
                                && !p.toString().endsWith("-javadoc.jar")
                                && !p.toString().endsWith("-tests.jar"))
                        .forEach(jars::add);
            }
        }
        return jars;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
