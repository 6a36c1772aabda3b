package io.github.atlascredentials.spec.gate;

import static io.github.atlascredentials.spec.gate.SpecEdits.addRequired;
import static io.github.atlascredentials.spec.gate.SpecEdits.at;
import static io.github.atlascredentials.spec.gate.SpecEdits.edited;
import static io.github.atlascredentials.spec.gate.SpecEdits.original;
import static io.github.atlascredentials.spec.gate.SpecEdits.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.atlascredentials.spec.gate.GateVerdict.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.model.DiffResult;

class SpecChangeGateTest {

    private static final ProjectVersion RELEASED = ProjectVersion.parse("1.0.0-api.2024-08-05");
    private static final ProjectVersion SAME_MAJOR = ProjectVersion.parse("1.1.0-api.2024-08-05");
    private static final ProjectVersion NEXT_MAJOR = ProjectVersion.parse("2.0.0-api.2025-03-12");

    // --- compatible changes pass ---

    @Test
    void rewritingTheSameSpecIsNoChange() {
        assertThat(compare(edited(root -> {})).result()).isEqualTo(DiffResult.NO_CHANGES);
    }

    @Test
    void newOptionalResponseFieldIsCompatible() {
        assertPasses(root -> properties(root, "ServiceAccountSecret")
                .putObject("rotatedFrom")
                .put("type", "string")
                .put("description", "The secret this one replaces."));
    }

    @Test
    void newOptionalRequestFieldIsCompatible() {
        assertPasses(root -> properties(root, "ApiKeyRequest")
                .putObject("note")
                .put("type", "string")
                .put("maxLength", 100));
    }

    @Test
    void newEndpointIsCompatible() {
        assertPasses(root -> {
            ObjectNode paths = at(root, "/paths");
            // An operation the spec does not have yet (the secret deletes exist since issue 13).
            ObjectNode delete = paths.putObject(
                            "/api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}/probes/{secretId}")
                    .putObject("delete");
            delete.put("operationId", "deleteOrgServiceAccountProbe");
            ArrayNode parameters = delete.putArray("parameters");
            parameters.addObject().put("$ref", "#/components/parameters/orgId");
            parameters.addObject().put("$ref", "#/components/parameters/clientId");
            parameters
                    .addObject()
                    .put("name", "secretId")
                    .put("in", "path")
                    .put("required", true)
                    .putObject("schema")
                    .put("type", "string");
            delete.putObject("responses").putObject("204").put("description", "Deleted.");
        });
    }

    @Test
    void newMethodsOnExistingPathsWithTheirOwnSchemasAreCompatible() {
        // The spec without the three update operations of issue 25 and their request schemas, then with them.
        String before = edited(root -> {
            at(root, "/paths/~1api~1atlas~1v2~1orgs~1{orgId}~1apiKeys~1{apiUserId}")
                    .remove("patch");
            at(root, "/paths/~1api~1public~1v1.0~1orgs~1{orgId}~1apiKeys~1{apiUserId}")
                    .remove("patch");
            at(root, "/paths/~1api~1atlas~1v2~1orgs~1{orgId}~1serviceAccounts~1{clientId}")
                    .remove("patch");
            at(root, "/components/schemas").remove(List.of("ApiKeyUpdateRequest", "ServiceAccountUpdateRequest"));
        });
        SpecComparison comparison = SpecComparison.of(before, original());
        assertThat(comparison.result()).isEqualTo(DiffResult.COMPATIBLE);
        assertThat(comparison.removedModelMembers()).isEmpty();
        assertThat(BreakingChangePolicy.decide(comparison.result(), RELEASED, SAME_MAJOR, false)
                        .passes())
                .isTrue();
    }

    @Test
    void widenedMaximumIsCompatible() {
        assertPasses(root -> properties(root, "ServiceAccountSecretRequest")
                .with("secretExpiresAfterHours")
                .put("maximum", 17520));
    }

    @Test
    void widenedQueryParameterMaximumIsCompatible() {
        assertPasses(
                root -> at(root, "/components/parameters/itemsPerPage/schema").put("maximum", 1000));
    }

    @Test
    void descriptionChangeIsOnlyMetadata() {
        SpecComparison comparison =
                compare(edited(root -> at(root, "/info").put("description", "Shorter description.")));
        assertThat(BreakingChangePolicy.decide(comparison.result(), RELEASED, SAME_MAJOR, false)
                        .outcome())
                .isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void exampleChangeIsOnlyMetadata() {
        SpecComparison comparison = compare(edited(
                root -> at(root, "/components/examples/ApiKeyRequest/value").put("desc", "Another description")));
        assertThat(BreakingChangePolicy.decide(comparison.result(), RELEASED, SAME_MAJOR, false)
                        .outcome())
                .isEqualTo(Outcome.UNCHANGED);
        assertThat(comparison.plainDifferences())
                .containsExactly("~ components.examples.ApiKeyRequest.value.desc: \"New API key for test purposes\""
                        + " -> \"Another description\"");
    }

    // --- incompatible changes fail ---

    @Test
    void narrowedBoundIsIncompatible() {
        assertRefused(root -> properties(root, "ServiceAccountSecretRequest")
                .with("secretExpiresAfterHours")
                .put("maximum", 720));
    }

    @Test
    void raisedMinimumIsIncompatible() {
        assertRefused(root -> properties(root, "ServiceAccountSecretRequest")
                .with("secretExpiresAfterHours")
                .put("minimum", 24));
    }

    @Test
    void newRequiredRequestFieldIsIncompatible() {
        assertRefused(root -> {
            properties(root, "ApiKeyRequest").putObject("teamId").put("type", "string");
            addRequired(root, "ApiKeyRequest", "teamId");
        });
    }

    @Test
    void removedRequiredResponseFieldIsIncompatible() {
        SpecComparison comparison = assertRefused(root -> {
            properties(root, "ServiceAccountSecret").remove("expiresAt");
            ((ArrayNode) SpecEdits.schema(root, "ServiceAccountSecret").get("required")).remove(2);
        });
        assertThat(comparison.openApiDiffResult()).isEqualTo(DiffResult.INCOMPATIBLE);
    }

    @Test
    void removedOptionalResponseFieldIsIncompatibleBecauseTheGeneratedGetterDisappears() {
        SpecComparison comparison =
                assertRefused(root -> properties(root, "ServiceAccountSecret").remove("maskedSecretValue"));
        // openapi-diff alone lets this through; our model check catches it.
        assertThat(comparison.openApiDiffResult()).isEqualTo(DiffResult.COMPATIBLE);
        assertThat(comparison.removedModelMembers())
                .containsExactly("property `ServiceAccountSecret.maskedSecretValue` was removed"
                        + " (its generated getter and setter disappear)");
    }

    @Test
    void renamedSchemaIsIncompatible() {
        SpecComparison comparison = assertRefused(root -> {
            ObjectNode schemas = at(root, "/components/schemas");
            schemas.set("FieldError", schemas.remove("FieldViolation"));
            at(root, "/components/schemas/BadRequestDetail/properties/fields/items")
                    .put("$ref", "#/components/schemas/FieldError");
        });
        assertThat(comparison.removedModelMembers()).anyMatch(line -> line.contains("`FieldViolation`"));
    }

    @Test
    void changedResponseMediaTypeIsIncompatible() {
        assertRefused(root -> {
            ObjectNode content = at(root, "/components/responses/AtlasServiceAccountSecretCreated/content");
            content.set(
                    "application/vnd.atlas.2025-03-12+json", content.remove("application/vnd.atlas.2024-08-05+json"));
        });
    }

    @Test
    void changedRequestMediaTypeIsIncompatible() {
        assertRefused(root -> {
            ObjectNode content =
                    at(root, "/paths/~1api~1public~1v1.0~1orgs~1{orgId}~1apiKeys/post/requestBody/content");
            content.set("application/xml", content.remove("application/json"));
        });
    }

    @Test
    void removedEndpointIsIncompatible() {
        assertRefused(root -> at(root, "/paths").remove("/api/oauth/revoke"));
    }

    // --- the policy around an incompatible change ---

    @Test
    void incompatibleChangePassesWhenTheMajorVersionWasRaised() {
        DiffResult result = compare(narrowedBound()).result();
        GateVerdict verdict = BreakingChangePolicy.decide(result, RELEASED, NEXT_MAJOR, false);
        assertThat(verdict.outcome()).isEqualTo(Outcome.BREAKING_WITH_MAJOR_BUMP);
        assertThat(verdict.passes()).isTrue();
    }

    @Test
    void incompatibleChangePassesWithTheExplicitOverride() {
        DiffResult result = compare(narrowedBound()).result();
        GateVerdict verdict = BreakingChangePolicy.decide(result, RELEASED, SAME_MAJOR, true);
        assertThat(verdict.outcome()).isEqualTo(Outcome.BREAKING_OVERRIDDEN);
        assertThat(verdict.explanation()).contains("-Dspec.allowBreaking=true");
    }

    @Test
    void gateWritesTheReportAndFailsTheBuildOnARefusedChange(@TempDir Path dir) throws IOException {
        Path released = Files.writeString(dir.resolve("released.yaml"), original());
        Path current = Files.writeString(dir.resolve("openapi.yaml"), narrowedBound());
        SpecChangeGate gate = new SpecChangeGate(released, RELEASED, current, SAME_MAJOR, false, dir.resolve("out"));

        assertThatThrownBy(gate::run)
                .isInstanceOf(BreakingSpecChangeException.class)
                .hasMessageContaining("Incompatible change to the API contract since release 1.0.0-api.2024-08-05")
                .hasMessageContaining("spec-changes.md")
                .hasMessageContaining("~ components.schemas.ServiceAccountSecretRequest.properties"
                        + ".secretExpiresAfterHours.maximum: 8760 -> 720");
        String report = Files.readString(dir.resolve("out/spec-changes.md"));
        assertThat(report)
                .contains(
                        "**INCOMPATIBLE**",
                        "**BREAKING_REFUSED**",
                        "8760 -> 720",
                        "/api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}/secrets",
                        "secretExpiresAfterHours");
        String html = Files.readString(dir.resolve("out/spec-changes.html"));
        assertThat(html).contains("spec-changes.css").doesNotContain("http://deepoove.com");
        assertThat(dir.resolve("out/spec-changes.css")).exists();
    }

    @Test
    void gateReportsACompatibleChangeAndPasses(@TempDir Path dir) throws IOException {
        Path released = Files.writeString(dir.resolve("released.yaml"), original());
        Path current = Files.writeString(
                dir.resolve("openapi.yaml"),
                edited(root -> properties(root, "ServiceAccountSecret")
                        .putObject("rotatedFrom")
                        .put("type", "string")));
        GateVerdict verdict = new SpecChangeGate(released, RELEASED, current, SAME_MAJOR, false, dir).run();
        assertThat(verdict.outcome()).isEqualTo(Outcome.COMPATIBLE);
        assertThat(Files.readString(dir.resolve("spec-changes.md")))
                .contains(
                        "**COMPATIBLE**",
                        "+ components.schemas.ServiceAccountSecret.properties.rotatedFrom: {\"type\":\"string\"}");
    }

    @Test
    void plainDifferencesNamePathsAndListMembers() {
        SpecComparison comparison = compare(edited(root -> {
            properties(root, "ApiKeyRequest").putObject("teamId").put("type", "string");
            addRequired(root, "ApiKeyRequest", "teamId");
            at(root, "/paths").remove("/api/oauth/revoke");
        }));
        assertThat(comparison.plainDifferences())
                .contains(
                        "+ components.schemas.ApiKeyRequest.properties.teamId: {\"type\":\"string\"}",
                        "+ components.schemas.ApiKeyRequest.required[]: \"teamId\"");
        assertThat(comparison.plainDifferences()).anyMatch(line -> line.startsWith("- paths['/api/oauth/revoke']: {"));
    }

    @Test
    void versionsAreReadByTheirMajorNumber() {
        assertThat(ProjectVersion.parse("1.0.0-api.2024-08-05").major()).isEqualTo(1);
        assertThat(ProjectVersion.parse(" 12.3-SNAPSHOT\n").major()).isEqualTo(12);
        assertThatThrownBy(() -> ProjectVersion.parse("api-1.0")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String narrowedBound() {
        return edited(root -> properties(root, "ServiceAccountSecretRequest")
                .with("secretExpiresAfterHours")
                .put("maximum", 720));
    }

    private static SpecComparison compare(String current) {
        return SpecComparison.of(original(), current);
    }

    private static void assertPasses(Consumer<ObjectNode> edit) {
        SpecComparison comparison = compare(edited(edit));
        assertThat(comparison.result()).isEqualTo(DiffResult.COMPATIBLE);
        assertThat(comparison.removedModelMembers()).isEmpty();
        assertThat(BreakingChangePolicy.decide(comparison.result(), RELEASED, SAME_MAJOR, false)
                        .passes())
                .isTrue();
    }

    private static SpecComparison assertRefused(Consumer<ObjectNode> edit) {
        SpecComparison comparison = compare(edited(edit));
        assertThat(comparison.result()).isEqualTo(DiffResult.INCOMPATIBLE);
        GateVerdict verdict = BreakingChangePolicy.decide(comparison.result(), RELEASED, SAME_MAJOR, false);
        assertThat(verdict.outcome()).isEqualTo(Outcome.BREAKING_REFUSED);
        assertThat(verdict.passes()).isFalse();
        return comparison;
    }
}
