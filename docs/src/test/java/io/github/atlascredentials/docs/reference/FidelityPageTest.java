package io.github.atlascredentials.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Fidelity page and the reference list every error code, limit and rule with its source. */
class FidelityPageTest {
    private static OpenAPI spec;
    private static List<FidelityTable.Row> rows;
    private static String markdown;
    private static List<FidelityTable.CauseRow> causes;
    private static String reference;

    @BeforeAll
    static void read() throws IOException {
        spec = ApiReferenceGenerator.parse(specFile());
        rows = FidelityTable.of(spec);
        Path built = Path.of(System.getProperty("api.reference.file", "target/api-reference/index.html"));
        Path md = built.resolveSibling("fidelity.md");
        causes = FidelityTable.causes(spec);
        markdown = Files.exists(md) ? Files.readString(md) : FidelityTable.markdown(rows, causes, "test");
        reference = Files.exists(built)
                ? Files.readString(built)
                : ApiReferenceRenderer.render(spec, "spec/openapi.yaml", "test");
    }

    private static Path specFile() {
        Path here = Path.of(System.getProperty("spec.file", "../spec/openapi.yaml"));
        return here.toAbsolutePath().normalize();
    }

    @Test
    void everyErrorCodeOAuthErrorAndLimitIsListedWithItsSource() {
        JsonNode raw = new ObjectMapper().valueToTree(spec.getExtensions());
        for (String table : List.of("x-error-codes", "x-oauth-errors", "x-limits")) {
            raw.path(table).fields().forEachRemaining(e -> {
                String source = e.getValue().path("x-source").asText();
                assertThat(source).as(e.getKey()).isNotBlank();
                assertThat(markdown)
                        .as("fidelity.md lists " + e.getKey())
                        .contains("| `" + e.getKey() + "` |")
                        .contains(source.replace("|", "\\|"));
                assertThat(reference)
                        .as("the reference lists " + e.getKey())
                        .contains("id=\"fidelity-" + e.getKey() + "\"");
            });
        }
        assertThat(rows)
                .filteredOn(r -> r.kind().equals("rule"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }

    @Test
    void chosenBehavioursAreMarkedAndDisagreementsNameBothSourcesAndTheSwitch() {
        assertThat(markdown)
                .containsPattern(
                        "\\| `MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED` \\| 400 \\| chosen by this project: .* \\| no \\(chosen\\) \\|");
        assertThat(markdown).containsPattern("\\| `INVALID_ORG_ID` \\| 404 \\| official error list: .* \\| yes \\|");
        assertThat(markdown)
                .contains("| `tokenRequestsPerMinute` | 10 requests per minute | observed answer: "
                        + "https://github.com/mongodb/terraform-provider-mongodbatlas/pull/3791 | yes |");
        assertThat(markdown)
                .containsPattern(
                        "\\| `RATE_LIMITED` \\| 429 \\(observed answer: .*3791\\) \\| .*rate_limited.* \\| the Atlas-shaped")
                .containsPattern(
                        "\\| `INVALID_VERSION_DATE` \\| 406 \\(documentation page: .*\\) \\| .*status 400.* \\| 406, as");
        assertThat(reference).contains("<section id=\"fidelity\">");
    }

    /** Issue 22, item 2: a row per operation and cause, with status, code and what it rests on or "guess". */
    @Test
    void everyOperationHasARowPerCause() {
        spec.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                    String id = op.getOperationId();
                    boolean oauth = op.getTags().contains("OAuth");
                    List<String> expected = new java.util.ArrayList<>();
                    if (!id.equals("revokeAccessToken")) { // no source and no emulator limit for revocation
                        expected.add("rate limited");
                    }
                    if (!oauth) {
                        expected.add("wrong role");
                        expected.add("credential of another organization");
                    }
                    if (path.contains("{orgId}")) {
                        expected.addAll(List.of("malformed id: orgId", "unknown id: organization"));
                    }
                    if (path.contains("{groupId}")) {
                        expected.addAll(List.of("malformed id: groupId", "unknown id: project"));
                    }
                    if (path.contains("{clientId}")) {
                        expected.add("unknown id: service account");
                    }
                    if (path.startsWith("/api/atlas/v2/")) {
                        expected.add("bad version");
                    }
                    if (!oauth && op.getRequestBody() != null) {
                        expected.add("bad body: not well-formed JSON");
                    }
                    if (id.endsWith("ServiceAccountSecret") && id.startsWith("create")) {
                        expected.add("over the limit: a third secret");
                    }
                    if (id.equals("requestAccessToken")) {
                        expected.add("over the limit: 100 active tokens");
                    }
                    assertThat(causes)
                            .filteredOn(c -> c.operationId().equals(id))
                            .extracting(FidelityTable.CauseRow::cause)
                            .as(id)
                            .containsAll(expected);
                    expected.forEach(cause ->
                            assertThat(markdown).as(id + " / " + cause).contains("| `" + id + "` | " + cause + " |"));
                }));
        assertThat(causes).allSatisfy(c -> {
            assertThat(c.status()).matches("\\d{3}");
            assertThat(c.restsOn()).isNotBlank();
        });
    }

    @Test
    void causeRowsQuoteTheirSentenceOrSayGuess() {
        assertThat(markdown)
                .contains("| `deleteOrgApiKey` | wrong role | 401 | `USER_UNAUTHORIZED` | observed answer: "
                        + "https://github.com/mongodb/terraform-provider-mongodbatlas/issues/1371 | \u201cCurrent user is not authorized to "
                        + "perform this action.\u201d |");
        assertThat(markdown)
                .contains("| `requestAccessToken` | rate limited | 429 | `RATE_LIMITED` | observed answer: "
                        + "https://github.com/mongodb/terraform-provider-mongodbatlas/pull/3791 | \u201cResource /api/oauth/token is "
                        + "limited to 10 requests every 1 minutes\u201d |");
        assertThat(causes)
                .filteredOn(c -> c.code().equals("ORG_NOT_FOUND"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.restsOn()).startsWith("guess: "));
        assertThat(causes)
                .filteredOn(c -> c.code().equals("MAX_SERVICE_ACCOUNT_SECRETS_EXCEEDED"))
                .isNotEmpty()
                .allSatisfy(
                        c -> assertThat(c.source())
                                .isEqualTo(
                                        "documentation page: https://www.mongodb.com/docs/manual/reference/limits/#mongodb-atlas-service-account-limits"));
    }

    @Test
    void unrelatedExampleCodesAndCodesWithoutACauseAreNotSafe() {
        for (String code :
                List.of("NOT_ORG_GROUP_CREATOR", "CANNOT_CHANGE_GROUP_NAME", "NOT_ORG_OWNER", "ACCESS_FORBIDDEN")) {
            assertThat(rows)
                    .filteredOn(r -> r.name().equals(code))
                    .singleElement()
                    .satisfies(
                            r -> assertThat(r.safeAgainstRealService()).as(code).isFalse());
            assertThat(markdown)
                    .contains("| `" + code + "` |")
                    .containsPattern("`" + code + "` \\|.*\\| no \\(no cause");
        }
        for (String limit : List.of("maxSecretsPerServiceAccount", "maxActiveTokensPerServiceAccount")) {
            assertThat(rows)
                    .filteredOn(r -> r.name().equals(limit))
                    .singleElement()
                    .extracting(FidelityTable.Row::source)
                    .isEqualTo(
                            "documentation page: https://www.mongodb.com/docs/manual/reference/limits/#mongodb-atlas-service-account-limits");
        }
    }
}
