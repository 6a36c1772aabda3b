package io.github.atlascredentials.spec.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares our spec with the official one and sorts each difference into declared or not. */
final class OfficialDrift {

    private OfficialDrift() {}

    static DriftResult compare(JsonNode officialSpec, JsonNode ourSpec) {
        ParsedSpec official = ParsedSpec.parse(officialSpec, "the official spec");
        ParsedSpec ours = ParsedSpec.parse(ourSpec, "our spec");
        Map<String, List<Difference>> byOperation = new OperationDrift(official, ours).compareAll();
        Declarations declarations = Declarations.of(ourSpec);
        List<DriftResult.Row> rows = new ArrayList<>();
        byOperation
                .values()
                .forEach(differences -> differences.forEach(difference -> rows.add(new DriftResult.Row(
                        difference, declarations.reasonFor(difference).orElse(null)))));
        return new DriftResult(byOperation.size(), rows, declarations.stale(), declarations.invalid());
    }
}
