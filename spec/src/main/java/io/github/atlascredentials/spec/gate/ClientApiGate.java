package io.github.atlascredentials.spec.gate;

import io.github.atlascredentials.spec.ReportFiles;
import io.github.atlascredentials.spec.gate.BreakingChangePolicy.Change;
import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.config.Options;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.output.stdout.StdoutOutputGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The second gate: compares the public Java API of the client jar just built with the jar of the
 * last release (recorded in {@code spec/released/}) using japicmp, writes {@code java-api-changes.txt},
 * and applies the same {@link BreakingChangePolicy} as the spec gate. It catches spec edits that
 * keep the HTTP contract but break Java callers, such as a renamed {@code operationId} (a renamed
 * method) or a renamed schema (a renamed class). Packages named {@code internal} are not API, and when
 * the current jar is a module ({@code module-info.class}), neither is any package its module does not export
 * to everyone (the generated invoker and operations, the machinery): a change there breaks no user.
 *
 * <p>Run by the client module's build right after its jar is packaged, before it is installed;
 * arguments: {@code --released-jar=} {@code --released-version-file=} {@code --current-jar=}
 * {@code --project-version=} {@code --allow-breaking=} {@code --report-dir=}.
 */
public final class ClientApiGate {

    public static final String REPORT = "java-api-changes.txt";
    /** japicmp's package pattern (with sub-packages): everything under {@code client.internal}. */
    private static final String INTERNAL_PACKAGES = "io.github.atlascredentials.client.internal*";

    private ClientApiGate() {}

    public static void main(String[] args) {
        CommandLine line = CommandLine.parse(args);
        GateVerdict verdict = run(
                line.path("released-jar"),
                ProjectVersion.parse(ReportFiles.read(line.path("released-version-file"))),
                line.path("current-jar"),
                ProjectVersion.parse(line.required("project-version")),
                line.flag("allow-breaking"),
                line.path("report-dir"));
        System.out.println("[client-api-gate] " + verdict.outcome() + ": " + verdict.explanation());
    }

    /** Compares, writes the report, and throws {@link BreakingSpecChangeException} on a refused change. */
    public static GateVerdict run(
            Path releasedJar,
            ProjectVersion releasedVersion,
            Path currentJar,
            ProjectVersion projectVersion,
            boolean allowBreaking,
            Path reportDir) {
        Objects.requireNonNull(releasedJar, "releasedJar");
        if (!Files.isRegularFile(releasedJar)) {
            throw new IllegalStateException("No released client jar at " + releasedJar.toAbsolutePath()
                    + "; docs/scripts/release-spec.sh records it when a version is released.");
        }
        Options options = Options.newDefault();
        options.setOutputOnlyModifications(true);
        // The client's dependencies (Jersey, Jackson) are not API of ours; their absence is no change.
        options.setIgnoreMissingClasses(true);
        options.addExcludeFromArgument(Optional.of(INTERNAL_PACKAGES), false);
        Set<String> unexported = unexportedPackages(currentJar);
        if (!unexported.isEmpty()) {
            // japicmp's exact package names (no wildcard: an exported sub-package stays API).
            options.addExcludeFromArgument(Optional.of(String.join(";", new TreeSet<>(unexported))), false);
        }
        List<JApiClass> classes = new JarArchiveComparator(JarArchiveComparatorOptions.of(options))
                .compare(
                        new JApiCmpArchive(releasedJar.toFile(), releasedVersion.text()),
                        new JApiCmpArchive(currentJar.toFile(), projectVersion.text()));
        List<JApiClass> breaking = classes.stream()
                .filter(c -> !c.isBinaryCompatible() || !c.isSourceCompatible())
                .collect(Collectors.toList());
        boolean changed = classes.stream().anyMatch(c -> c.getChangeStatus() != JApiChangeStatus.UNCHANGED);
        Change change = !breaking.isEmpty() ? Change.INCOMPATIBLE : changed ? Change.COMPATIBLE : Change.NONE;
        GateVerdict verdict = BreakingChangePolicy.decide(
                change, "client's Java API", releasedVersion, projectVersion, allowBreaking);
        Path report = reportDir.resolve(REPORT);
        ReportFiles.write(
                report,
                "Client Java API of " + projectVersion + " against release " + releasedVersion + ": "
                        + verdict.outcome() + "\n" + verdict.explanation() + "\n\n"
                        + new StdoutOutputGenerator(options, classes).generate());
        if (!verdict.passes()) {
            throw new BreakingSpecChangeException(verdict.explanation() + System.lineSeparator()
                    + "Report: " + report.toAbsolutePath() + System.lineSeparator()
                    + breaking.stream()
                            .map(c -> "~ " + c.getFullyQualifiedName() + ": " + c.getCompatibilityChanges())
                            .collect(Collectors.joining(System.lineSeparator())));
        }
        return verdict;
    }

    /** The packages of the jar's module that are not exported to everyone; none when the jar is no module. */
    static Set<String> unexportedPackages(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry("module-info.class");
            if (entry == null) {
                return Set.of();
            }
            // javac records only exported and opened packages; the jar's classes name the others.
            Set<String> packages = file.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && name.contains("/") && !name.startsWith("META-INF/"))
                    .map(name -> name.substring(0, name.lastIndexOf('/')).replace('/', '.'))
                    .collect(Collectors.toSet());
            try (InputStream in = file.getInputStream(entry)) {
                ModuleDescriptor module = ModuleDescriptor.read(in, () -> packages);
                Set<String> exported = module.exports().stream()
                        .filter(e -> !e.isQualified())
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet());
                Set<String> unexported = new TreeSet<>(module.packages());
                unexported.removeAll(exported);
                return unexported;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar.toAbsolutePath(), e);
        }
    }
}
