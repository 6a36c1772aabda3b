package io.github.atlascredentials.contract.specchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A copy of the repository that a nested build can change freely: the modules that are built
 * (spec, client, server-stub) whole but without {@code target/}, every other module as its pom only
 * (the reactor reads them), and the root pom and Maven wrapper.
 */
final class ProjectCopy {
    static final List<String> BUILT_MODULES = List.of("spec", "client", "server-stub");
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git");

    private ProjectCopy() {}

    static Path of(Path root, Path into) throws IOException {
        for (String file : List.of("pom.xml", "mvnw", "mvnw.cmd")) {
            if (Files.exists(root.resolve(file))) {
                Files.copy(root.resolve(file), into.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        copyTree(root.resolve(".mvn"), into.resolve(".mvn"));
        try (Stream<Path> children = Files.list(root)) {
            for (Path module : children.filter(p -> Files.isRegularFile(p.resolve("pom.xml")))
                    .toList()) {
                String name = module.getFileName().toString();
                if (BUILT_MODULES.contains(name)) {
                    copyTree(module, into.resolve(name));
                } else {
                    Files.createDirectories(into.resolve(name));
                    Files.copy(module.resolve("pom.xml"), into.resolve(name).resolve("pom.xml"));
                }
            }
        }
        return into;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(p -> from.relativize(p).toString().isEmpty()
                            || SKIPPED.stream()
                                    .noneMatch(s -> from.relativize(p).startsWith(s)))
                    .forEach(p -> {
                        try {
                            Path target = to.resolve(from.relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(target);
                            } else {
                                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }
}
