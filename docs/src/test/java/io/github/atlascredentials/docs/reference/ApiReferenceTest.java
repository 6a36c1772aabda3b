package io.github.atlascredentials.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.spec.rules.ApiRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference page the build wrote lists everything the spec defines and loads nothing remote. */
class ApiReferenceTest {

    private static final Pattern ERROR_TABLE_ROW =
            Pattern.compile("^\\|\\s*\\d{3}\\s*\\|([^|]*)\\|", Pattern.MULTILINE);
    private static final Pattern BACKTICKED = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    private static final Pattern REMOTE_LOAD = Pattern.compile(
            "(?i)(?:\\b(?:src|href|action|poster|data)\\s*=\\s*[\"']?\\s*(?:https?:)?//)|(?:url\\(\\s*[\"']?\\s*(?:https?:)?//)"
                    + "|(?:@import)");

    private static OpenAPI spec;
    private static String page;

    @BeforeAll
    static void readSpecAndBuiltPage() throws IOException {
        spec = ApiReferenceGenerator.parse(specFile());
        // The page the build wrote in process-classes; fall back to rendering when run from an IDE.
        Path built = Path.of(System.getProperty("api.reference.file", "target/api-reference/index.html"));
        page = Files.exists(built)
                ? Files.readString(built)
                : ApiReferenceRenderer.render(spec, "spec/openapi.yaml", "test");
    }

    @Test
    void listsEveryOperationWithItsParametersAndResponses() {
        List<Operation> operations = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> {
            assertOnPage("<code>" + Html.escape(path) + "</code>");
            operations.addAll(item.readOperations());
        });
        assertThat(operations).hasSize(ApiRules.builtIn().operations().size()); // every operation of the rule table
        for (Operation operation : operations) {
            String section = operationSection(operation.getOperationId());
            if (operation.getParameters() != null) {
                for (Parameter parameter : operation.getParameters()) {
                    String name = parameter.get$ref() == null
                            ? parameter.getName()
                            : spec.getComponents()
                                    .getParameters()
                                    .get(Html.refName(parameter.get$ref()))
                                    .getName();
                    assertThat(section).as(operation.getOperationId()).contains("<code>" + name + "</code>");
                }
            }
            operation
                    .getResponses()
                    .keySet()
                    .forEach(status -> assertThat(section)
                            .as(operation.getOperationId())
                            .contains("<strong>" + status + "</strong>"));
        }
    }

    @Test
    void listsEverySchemaWithItsProperties() {
        assertThat(spec.getComponents().getSchemas()).hasSizeGreaterThan(10);
        spec.getComponents().getSchemas().forEach((name, schema) -> {
            assertOnPage("id=\"schema-" + name + "\"");
            if (schema.getProperties() != null) {
                schema.getProperties().keySet().forEach(property -> assertOnPage("<code>" + property + "</code>"));
            }
        });
    }

    @Test
    void listsEveryNamedExampleWithItsValue() {
        spec.getComponents().getExamples().forEach((name, example) -> {
            assertOnPage("id=\"example-" + name + "\"");
            if (example.getSummary() != null) {
                assertOnPage(Html.escape(example.getSummary()));
            }
        });
        // Media-level example names differ from component names in places (ClientCredentials -> TokenRequest).
        assertThat(page).contains("<code>ClientCredentials</code>", "<code>RevokeAccessToken</code>");
        assertThat(page).contains("mdb_sa_id_1234567890abcdef12345678", "4888442a3354817a7320eb61");
    }

    @Test
    void listsEveryErrorCode() {
        Set<String> codes = errorCodesOfTheSpec();
        assertThat(codes)
                .contains("MALFORMED_JSON", "RATE_LIMITED", "NOT_ORG_GROUP_CREATOR")
                .hasSizeGreaterThan(20);
        List<String> missing = codes.stream()
                .filter(code -> !page.contains("<code>" + code + "</code>"))
                .toList();
        assertThat(missing).as("error codes missing from the page").isEmpty();
        String index = page.substring(page.indexOf("id=\"error-code-index\""));
        assertThat(index)
                .contains("<code>NOT_ORG_GROUP_CREATOR</code></td><td>401</td><td><em>documentation example only");
        assertThat(page).contains("id=\"errors\"", "<table>", "<th>errorCode</th>");
    }

    @Test
    void loadsNothingFromTheNetwork() {
        Matcher remote = REMOTE_LOAD.matcher(page);
        List<String> loads = new ArrayList<>();
        while (remote.find()) {
            loads.add(page.substring(Math.max(0, remote.start() - 40), Math.min(page.length(), remote.end() + 40)));
        }
        assertThat(loads).isEmpty();
        assertThat(page).doesNotContain("<script", "<link", "<iframe", "<img");
        // Text mentioning a host is fine: it is not a load.
        assertThat(page).contains("https://cloud.mongodb.com");
    }

    @Test
    void remoteLoadDetectorIsNotBlind() {
        assertThat(REMOTE_LOAD
                        .matcher("<link href=\"https://fonts.example/x.css\">")
                        .find())
                .isTrue();
        assertThat(REMOTE_LOAD.matcher("<script src='//cdn.example/x.js'>").find())
                .isTrue();
        assertThat(REMOTE_LOAD
                        .matcher("body { background: url(http://x/y.png) }")
                        .find())
                .isTrue();
        assertThat(REMOTE_LOAD
                        .matcher("<a href=\"#schema-ApiKey\"><code>https://cloud.mongodb.com</code>")
                        .find())
                .isFalse();
    }

    @Test
    void generatorWritesThePage(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("ref/index.html");
        ApiReferenceGenerator.generate(specFile(), out, "9.9.9");
        assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("<code>9.9.9</code>");
    }

    /** Names the missing text without printing the whole page. */
    private static void assertOnPage(String text) {
        assertThat(page.contains(text)).as("the page contains %s", text).isTrue();
    }

    private static String operationSection(String operationId) {
        int start = page.indexOf("id=\"op-" + operationId + "\"");
        assertThat(start).as(operationId).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    /** The errorCode column of the table in info.description, and every errorCode of an example. */
    private static Set<String> errorCodesOfTheSpec() {
        Set<String> codes = new TreeSet<>();
        Matcher row = ERROR_TABLE_ROW.matcher(spec.getInfo().getDescription());
        while (row.find()) {
            Matcher code = BACKTICKED.matcher(row.group(1));
            while (code.find()) {
                codes.add(code.group(1));
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        spec.getComponents().getExamples().values().forEach(example -> {
            JsonNode value = mapper.valueToTree(example.getValue());
            value.findValues("errorCode").forEach(code -> codes.add(code.asText()));
        });
        return codes;
    }

    private static Path specFile() {
        return Path.of(System.getProperty("spec.file", "../spec/openapi.yaml"));
    }
}
