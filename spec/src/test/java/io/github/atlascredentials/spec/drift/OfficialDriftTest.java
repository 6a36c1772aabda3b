package io.github.atlascredentials.spec.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift check on fixtures of our own (src/test/resources/drift): an official-like spec in two
 * slices and "our" spec, equal in substance. Each test changes one side and expects exactly the
 * difference it made, named by operation and item.
 */
class OfficialDriftTest {

    private static final String SECRETS_POST =
            "#/paths/~1api~1atlas~1v2~1orgs~1{orgId}~1widgets~1{widgetId}~1secrets/post";
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path temp;

    @Test
    void equalSpecsInDifferentShapesHaveNoDifference() {
        DriftResult result = compare(official -> {}, ours -> {});

        assertThat(result.rows()).isEmpty();
        assertThat(result.operations())
                .as("the three Atlas operations, not the Cloud Manager one")
                .isEqualTo(3);
        assertThat(result.passes()).isTrue();
    }

    @Test
    void newEnumValueFails() {
        DriftResult result = compare(
                official -> schema(official, "WidgetSecret")
                        .withArray("/properties/kind/enum")
                        .add("C"),
                ours -> {});

        assertThat(undeclared(result))
                .containsExactly(
                        "createOrgWidgetSecret response 201 schema.properties.kind.enum[C]: official listed, ours not listed");
        assertThat(result.undeclared().get(0).difference().places().get(0))
                .isEqualTo(new Place("#/components/schemas/SecretKind", "enum[C]"));
    }

    @Test
    void newRequiredFieldFails() {
        DriftResult result = compare(
                official -> {
                    ObjectNode secret = schema(official, "WidgetSecret");
                    secret.withObject("/properties")
                            .putObject("createdAt")
                            .put("type", "string")
                            .put("format", "date-time");
                    secret.withArray("/required").add("createdAt");
                },
                ours -> {});

        assertThat(undeclared(result))
                .containsExactlyInAnyOrder(
                        "createOrgWidgetSecret response 201 schema.properties.createdAt: official declared, ours absent",
                        "createOrgWidgetSecret response 201 schema.required[createdAt]: official required, ours optional");
    }

    @Test
    void removedParameterFails() {
        DriftResult result = compare(
                official -> {
                    ArrayNode parameters =
                            official.withArray("/paths/~1api~1atlas~1v2~1orgs~1{orgId}~1widgets/get/parameters");
                    parameters.remove(1);
                },
                ours -> {});

        assertThat(undeclared(result))
                .containsExactly("listOrgWidgets parameter query:includeCount: official absent, ours declared");
    }

    @Test
    void parameterOnlyTheOfficialSpecHasFails() {
        DriftResult result = compare(
                official -> {},
                ours -> ours.withArray("/paths/~1api~1atlas~1v2~1orgs~1{orgId}~1widgets/get/parameters")
                        .remove(1));

        assertThat(undeclared(result))
                .containsExactly("listOrgWidgets parameter query:includeCount: official declared, ours absent");
    }

    @Test
    void changedSuccessStatusFails() {
        DriftResult result = compare(
                official -> {
                    ObjectNode responses = official.withObject(pointer(SECRETS_POST) + "/responses");
                    responses.set("200", responses.remove("201"));
                },
                ours -> {});

        assertThat(undeclared(result))
                .containsExactlyInAnyOrder(
                        "createOrgWidgetSecret response 200: official declared, ours absent",
                        "createOrgWidgetSecret response 201: official absent, ours declared");
    }

    @Test
    void changedBoundFails() {
        DriftResult result = compare(
                official -> schema(official, "WidgetSecretRequest")
                        .withObject("/properties/hours")
                        .put("maximum", 8760),
                ours -> {});

        assertThat(undeclared(result))
                .containsExactly(
                        "createOrgWidgetSecret requestBody schema.properties.hours.maximum: official 8760, ours 100");
    }

    @Test
    void changedPatternAndTypeFail() {
        DriftResult result = compare(
                official -> {
                    ObjectNode orgId = official.withObject("/components/parameters/orgId/schema");
                    orgId.put("pattern", "^[a-f0-9]+$");
                    schema(official, "Widget").withObject("/properties/name").put("type", "integer");
                },
                ours -> {});

        assertThat(undeclared(result))
                .contains(
                        "listOrgWidgets parameter path:orgId schema.pattern: official ^[a-f0-9]+$, ours ^([a-f0-9]{24})$",
                        "listOrgWidgets response 200 schema.properties.results.items.properties.name.type: official integer, ours string");
    }

    @Test
    void changedVersionFails() {
        DriftResult result = compare(
                official -> {
                    ObjectNode content = official.withObject(pointer(SECRETS_POST) + "/responses/201/content");
                    content.set(
                            "application/vnd.atlas.2025-03-12+json",
                            content.remove("application/vnd.atlas.2024-08-05+json"));
                },
                ours -> {});

        assertThat(undeclared(result))
                .containsExactly(
                        "createOrgWidgetSecret response 201 version: official [2025-03-12], ours [2024-08-05]");
    }

    @Test
    void changedMediaTypeFails() {
        DriftResult result = compare(
                official -> {
                    ObjectNode content = official.withObject("/components/responses/badRequest/content");
                    content.set("application/problem+json", content.remove("application/json"));
                },
                ours -> {});

        assertThat(undeclared(result))
                .contains(
                        "createOrgWidgetSecret response 400 content[application/json]: official absent, ours declared",
                        "createOrgWidgetSecret response 400 content[application/problem+json]: official declared, ours absent",
                        "listOrgWidgets response 400 content[application/problem+json]: official declared, ours absent");
    }

    @Test
    void changedReadOnlyAndOperationIdFail() {
        DriftResult result = compare(
                official -> {
                    schema(official, "WidgetSecret")
                            .withObject("/properties/secret")
                            .remove("readOnly");
                    official.withObject(pointer(SECRETS_POST)).put("operationId", "createWidgetSecret");
                },
                ours -> {});

        assertThat(undeclared(result))
                .containsExactlyInAnyOrder(
                        "createOrgWidgetSecret operationId: official createWidgetSecret, ours createOrgWidgetSecret",
                        "createOrgWidgetSecret response 201 schema.properties.secret.readOnly: official false, ours true");
    }

    @Test
    void operationTheOfficialSpecLacksFails() {
        DriftResult result = compare(
                official -> official.withObject("/paths").remove("/api/atlas/v2/orgs/{orgId}/widgets"), ours -> {});

        assertThat(undeclared(result))
                .containsExactly(
                        "listOrgWidgets operation: official absent, ours GET /api/atlas/v2/orgs/{orgId}/widgets");
    }

    @Test
    void declaredDifferencePasses() {
        DriftResult result = compare(
                official -> schema(official, "WidgetSecretRequest")
                        .withObject("/properties/hours")
                        .put("maximum", 8760),
                ours -> schema(ours, "SecretRequest")
                        .withObject("/properties/hours")
                        .putObject(Declarations.EXTENSION)
                        .put("maximum", "the organization's own setting is the bound"));

        assertThat(result.passes()).isTrue();
        assertThat(result.declared()).singleElement().satisfies(row -> {
            assertThat(row.difference().line())
                    .isEqualTo(
                            "createOrgWidgetSecret requestBody schema.properties.hours.maximum: official 8760, ours 100");
            assertThat(row.reason()).isEqualTo("the organization's own setting is the bound");
        });
    }

    @Test
    void declarationCoversOnlyItsOwnItem() {
        DriftResult result = compare(
                official -> {
                    ObjectNode hours = schema(official, "WidgetSecretRequest").withObject("/properties/hours");
                    hours.put("maximum", 8760);
                    hours.put("minimum", 1);
                },
                ours -> schema(ours, "SecretRequest")
                        .withObject("/properties/hours")
                        .putObject(Declarations.EXTENSION)
                        .put("maximum", "the organization's own setting is the bound"));

        assertThat(undeclared(result))
                .containsExactly(
                        "createOrgWidgetSecret requestBody schema.properties.hours.minimum: official 1, ours 8");
        assertThat(result.declared()).hasSize(1);
    }

    @Test
    void ourOwnResponseIsDeclaredOnItselfOrOnTheOperation() {
        Consumer<ObjectNode> addConflict = ours -> {
            ours.withObject(pointer(SECRETS_POST) + "/responses")
                    .putObject("409")
                    .put("$ref", "#/components/responses/Conflict");
            ours.withObject("/components/responses")
                    .putObject("Conflict")
                    .put("description", "Conflict.")
                    .putObject(Declarations.EXTENSION)
                    .put(Place.NOT_IN_OFFICIAL, "documented by a guide, not the spec");
        };
        assertThat(compare(official -> {}, addConflict).passes()).isTrue();

        DriftResult onOperation = compare(official -> {}, ours -> {
            ours.withObject(pointer(SECRETS_POST) + "/responses")
                    .putObject("409")
                    .put("description", "Conflict.");
            ours.withObject(pointer(SECRETS_POST))
                    .putObject(Declarations.EXTENSION)
                    .put("response 409", "from a guide");
        });
        assertThat(onOperation.passes()).isTrue();
        assertThat(onOperation.declared())
                .singleElement()
                .satisfies(row -> assertThat(row.reason()).isEqualTo("from a guide"));
    }

    @Test
    void staleDeclarationIsReported() {
        DriftResult result = compare(
                official -> {},
                ours -> schema(ours, "SecretRequest")
                        .withObject("/properties/hours")
                        .putObject(Declarations.EXTENSION)
                        .put("maximum", "no longer true"));

        assertThat(result.rows()).isEmpty();
        assertThat(result.passes()).isFalse();
        assertThat(result.problems())
                .containsExactly("stale declaration: "
                        + "#/components/schemas/SecretRequest/properties/hours key 'maximum' matches no difference");
    }

    @Test
    void invalidDeclarationsAreReported() {
        DriftResult result = compare(official -> {}, ours -> {
            ours.withObject(pointer(SECRETS_POST)
                            + "/responses/201/content/application~1vnd.atlas.2024-08-05+json/schema")
                    .put(Declarations.EXTENSION, "a bare reason names no item");
            schema(ours, "Widget").putObject(Declarations.EXTENSION).put("type", " ");
        });

        assertThat(result.invalid())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("beside a $ref"))
                .anySatisfy(line -> assertThat(line).contains("item 'type' needs a reason"));
        assertThat(result.passes()).isFalse();
    }

    @Test
    void checkWritesTheReportAndFailsNamingTheItem() throws IOException {
        Path official = write(
                "official.yaml",
                edited(
                        officialTree(),
                        o -> schema(o, "WidgetSecret")
                                .withArray("/properties/kind/enum")
                                .add("C")));
        Path ours = write("ours.yaml", oursTree());
        Path report = temp.resolve("target/official-drift.md");

        assertThatThrownBy(() -> OfficialDriftCheck.run(official, ours, report))
                .isInstanceOf(OfficialDriftException.class)
                .hasMessageContaining(
                        "undeclared: createOrgWidgetSecret response 201 schema.properties.kind.enum[C]: "
                                + "official listed, ours not listed (declare at #/components/schemas/SecretKind key 'enum[C]')");
        assertThat(Files.readString(report))
                .contains(
                        "**FAIL**",
                        "| `#/components/schemas/SecretKind` | `enum[C]` | listed | not listed | createOrgWidgetSecret "
                                + "`response 201 schema.properties.kind.enum[C]` |");
    }

    @Test
    void checkPassesOnTheSlicesFolder() {
        Path report = temp.resolve("official-drift.md");

        DriftResult result = OfficialDriftCheck.run(fixture("drift/official"), fixture("drift/ours.yaml"), report);

        assertThat(result.passes()).isTrue();
        assertThat(report).content().contains("**PASS**");
    }

    @Test
    void slicesThatDisagreeAreRefused() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("slices"));
        Files.copy(fixture("drift/official/part-1.yaml"), folder.resolve("a.yaml"));
        ObjectNode changed =
                (ObjectNode) YAML.readTree(fixture("drift/official/part-2.yaml").toFile());
        changed.withObject("/components/schemas/ApiError/properties/error").put("type", "string");
        Files.writeString(folder.resolve("b.yaml"), YAML.writeValueAsString(changed));

        assertThatThrownBy(() -> SpecSlices.read(folder))
                .hasMessageContaining("The slices disagree on components.schemas.ApiError");
    }

    private DriftResult compare(Consumer<ObjectNode> officialEdit, Consumer<ObjectNode> ourEdit) {
        return OfficialDrift.compare(edited(officialTree(), officialEdit), edited(oursTree(), ourEdit));
    }

    private static ObjectNode edited(ObjectNode tree, Consumer<ObjectNode> edit) {
        edit.accept(tree);
        return tree;
    }

    private static ObjectNode officialTree() {
        return SpecSlices.read(fixture("drift/official"));
    }

    private static ObjectNode oursTree() {
        return SpecSlices.read(fixture("drift/ours.yaml"));
    }

    private static ObjectNode schema(ObjectNode spec, String name) {
        return spec.withObject("/components/schemas/" + name);
    }

    private static List<String> undeclared(DriftResult result) {
        return result.undeclared().stream().map(row -> row.difference().line()).toList();
    }

    /** A declaration place as a Jackson pointer (without the leading #). */
    private static String pointer(String place) {
        return place.substring(1);
    }

    private Path write(String name, ObjectNode tree) throws IOException {
        return Files.writeString(temp.resolve(name), YAML.writeValueAsString(tree));
    }

    static Path fixture(String relativePath) {
        try {
            return Path.of(
                    OfficialDriftTest.class.getResource("/" + relativePath).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
