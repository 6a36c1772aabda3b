package io.github.atlascredentials.spec.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.spec.ReportFiles;
import io.github.atlascredentials.spec.gate.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The drift check (docs/7): compares our Atlas operations with the official spec (a YAML file, or a
 * folder of YAML slices), writes {@code official-drift.md}, and fails on any difference our spec does
 * not declare ({@code x-official-difference}) and on any stale or invalid declaration.
 *
 * <p>Run by the spec module's build when {@code -Dofficial.spec=PATH} is given; arguments:
 * {@code --official=} {@code --ours=} {@code --report=}.
 */
public final class OfficialDriftCheck {

    private static final int LOGGED_PROBLEMS = 60;

    private OfficialDriftCheck() {}

    public static void main(String[] args) {
        CommandLine line = CommandLine.parse(args);
        Path official = line.path("official");
        if (!Files.exists(official)) {
            throw new IllegalArgumentException("The official spec " + official.toAbsolutePath() + " does not exist");
        }
        DriftResult result = run(official, line.path("ours"), line.path("report"));
        System.out.println("[official-drift] " + (result.passes() ? "PASS" : "FAIL") + ": " + result.operations()
                + " Atlas operations, " + result.declared().size() + " declared differences");
    }

    /** Compares, writes the report, and throws {@link OfficialDriftException} when the check fails. */
    static DriftResult run(Path official, Path ours, Path report) {
        JsonNode officialTree = SpecSlices.read(official);
        JsonNode ourTree = SpecSlices.read(ours);
        DriftResult result = OfficialDrift.compare(officialTree, ourTree);
        ReportFiles.write(
                report,
                DriftReport.markdown(
                        result, official.toString(), ours.getFileName().toString()));
        if (!result.passes()) {
            List<String> problems = result.problems();
            StringBuilder message = new StringBuilder(
                            "Our spec differs from the official Atlas spec where it declares ")
                    .append("no difference (x-official-difference), or a declaration is stale or invalid: ")
                    .append(problems.size())
                    .append(" problem(s). Report: ")
                    .append(report.toAbsolutePath());
            problems.stream()
                    .limit(LOGGED_PROBLEMS)
                    .forEach(p -> message.append(System.lineSeparator()).append(p));
            if (problems.size() > LOGGED_PROBLEMS) {
                message.append(System.lineSeparator())
                        .append("... and ")
                        .append(problems.size() - LOGGED_PROBLEMS)
                        .append(" more in the report");
            }
            throw new OfficialDriftException(message.toString());
        }
        return result;
    }
}
