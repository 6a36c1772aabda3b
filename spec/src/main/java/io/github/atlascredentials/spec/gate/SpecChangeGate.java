package io.github.atlascredentials.spec.gate;

import io.github.atlascredentials.spec.ReportFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The breaking-change gate: compares the current spec with the last released one, writes
 * {@code spec-changes.md} and {@code spec-changes.html}, and fails on an incompatible change
 * unless the major version was raised or the override was given.
 *
 * <p>Run by the docs module's build; arguments: {@code --released=} {@code --released-version-file=}
 * {@code --current=} {@code --project-version=} {@code --allow-breaking=} {@code --report-dir=}.
 */
public final class SpecChangeGate {

    public static final String MARKDOWN_REPORT = "spec-changes.md";
    public static final String HTML_REPORT = "spec-changes.html";
    private static final int LOGGED_DIFFERENCES = 20;

    private final Path releasedSpec;
    private final ProjectVersion releasedVersion;
    private final Path currentSpec;
    private final ProjectVersion projectVersion;
    private final boolean allowBreaking;
    private final Path reportDir;

    public SpecChangeGate(
            Path releasedSpec,
            ProjectVersion releasedVersion,
            Path currentSpec,
            ProjectVersion projectVersion,
            boolean allowBreaking,
            Path reportDir) {
        this.releasedSpec = Objects.requireNonNull(releasedSpec, "releasedSpec");
        this.releasedVersion = Objects.requireNonNull(releasedVersion, "releasedVersion");
        this.currentSpec = Objects.requireNonNull(currentSpec, "currentSpec");
        this.projectVersion = Objects.requireNonNull(projectVersion, "projectVersion");
        this.allowBreaking = allowBreaking;
        this.reportDir = Objects.requireNonNull(reportDir, "reportDir");
    }

    public static void main(String[] args) {
        CommandLine line = CommandLine.parse(args);
        SpecChangeGate gate = new SpecChangeGate(
                line.path("released"),
                ProjectVersion.parse(ReportFiles.read(line.path("released-version-file"))),
                line.path("current"),
                ProjectVersion.parse(line.required("project-version")),
                line.flag("allow-breaking"),
                line.path("report-dir"));
        GateVerdict verdict = gate.run();
        System.out.println("[spec-change-gate] " + verdict.outcome() + ": " + verdict.explanation());
    }

    /** Compares, writes both reports, and throws {@link BreakingSpecChangeException} on a refused change. */
    public GateVerdict run() {
        SpecComparison comparison = SpecComparison.of(ReportFiles.read(releasedSpec), ReportFiles.read(currentSpec));
        GateVerdict verdict =
                BreakingChangePolicy.decide(comparison.result(), releasedVersion, projectVersion, allowBreaking);
        Path markdownReport = reportDir.resolve(MARKDOWN_REPORT);
        ReportFiles.write(markdownReport, markdownReport(comparison, verdict));
        ReportFiles.write(reportDir.resolve(HTML_REPORT), comparison.html("Spec changes since " + releasedVersion));
        ReportFiles.write(reportDir.resolve(SpecComparison.HTML_STYLESHEET), stylesheet());
        if (!verdict.passes()) {
            throw new BreakingSpecChangeException(verdict.explanation() + System.lineSeparator()
                    + "Report: " + markdownReport.toAbsolutePath() + System.lineSeparator()
                    + summary(comparison));
        }
        return verdict;
    }

    String markdownReport(SpecComparison comparison, GateVerdict verdict) {
        StringBuilder report = new StringBuilder();
        report.append("# Spec changes since release ").append(releasedVersion).append("\n\n");
        report.append("| | |\n|---|---|\n");
        report.append("| released spec | `")
                .append(releasedSpec.getFileName())
                .append("` of ")
                .append(releasedVersion)
                .append(" |\n");
        report.append("| current spec | `")
                .append(currentSpec.getFileName())
                .append("` of ")
                .append(projectVersion)
                .append(" |\n");
        report.append("| openapi-diff result | **")
                .append(comparison.openApiDiffResult())
                .append("** |\n");
        report.append("| removed model classes or members | ")
                .append(comparison.removedModelMembers().size())
                .append(" |\n");
        report.append("| overall | **").append(comparison.result()).append("** |\n");
        report.append("| gate verdict | **").append(verdict.outcome()).append("** |\n");
        report.append("| new / removed / changed operations | ")
                .append(comparison.newEndpoints())
                .append(" / ")
                .append(comparison.missingEndpoints())
                .append(" / ")
                .append(comparison.changedOperations())
                .append(" |\n\n");
        report.append(verdict.explanation()).append("\n\n");
        if (!comparison.removedModelMembers().isEmpty()) {
            report.append("## Changes that break the generated Java client\n\n");
            comparison
                    .removedModelMembers()
                    .forEach(line -> report.append("- ").append(line).append('\n'));
            report.append('\n');
        }
        report.append("## What changed in the file\n\n");
        if (comparison.plainDifferences().isEmpty()) {
            report.append("_Nothing: the two files hold the same document._\n\n");
        } else {
            report.append("`+` added, `-` removed, `~` changed.\n\n```text\n");
            comparison.plainDifferences().forEach(line -> report.append(line).append('\n'));
            report.append("```\n\n");
        }
        report.append("## Changes by operation (openapi-diff)\n\n");
        String details = comparison.markdown().strip();
        report.append(details.isEmpty() ? "_No differences in paths, parameters, bodies or responses._" : details);
        report.append('\n');
        return report.toString();
    }

    /** The first differences, for the build log; the report has them all. */
    private static String summary(SpecComparison comparison) {
        List<String> lines = new ArrayList<>(comparison.removedModelMembers());
        List<String> plain = comparison.plainDifferences();
        lines.addAll(plain.subList(0, Math.min(plain.size(), LOGGED_DIFFERENCES)));
        if (plain.size() > LOGGED_DIFFERENCES) {
            lines.add("... and " + (plain.size() - LOGGED_DIFFERENCES) + " more in the report");
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String stylesheet() {
        return """
                body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; line-height: 1.5; }
                h1, h2, h3 { font-weight: 600; }
                code, pre { font-family: ui-monospace, monospace; background: #f4f4f4; }
                .missing { color: #b00020; } .comment { color: #555; }
                """;
    }
}
