package io.github.atlascredentials.contract.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.contract.support.Contract;
import io.github.atlascredentials.contract.support.Spec;
import io.github.atlascredentials.emulator.AtlasEmulator;
import io.github.atlascredentials.emulator.junit.AtlasEmulatorExtension;
import io.github.atlascredentials.emulator.pact.PactFixtures;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The spec's named examples against the real emulator and the spec's own schemas: every request
 * example is sent (with real credentials) and must be accepted, the answer validating against
 * the spec; every response example must validate against the response it documents.
 */
class SpecExamplesReplayTest {
    private static final Spec SPEC = Spec.load();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForSpecificationUrl(
                    Spec.file().toUri().toString())
            .build();
    private static AtlasEmulator emulator;
    private static ProviderStateUrl states;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One emulator per class on a random port, with no organization: each state replaces the data with what it needs. */
    @RegisterExtension
    static final AtlasEmulatorExtension EMULATOR =
            AtlasEmulatorExtension.configured(builder -> builder.seed(new SeedDocument(List.of())));

    @BeforeAll
    static void startEmulator(AtlasEmulator started) {
        emulator = started;
        states = new ProviderStateUrl(emulator.baseUri());
    }

    private record Operation(String path, String method, JsonNode node) {
        String id() {
            return node.path("operationId").asText();
        }

        boolean isOAuth() {
            return path.startsWith("/api/oauth/");
        }

        boolean isAtlas() {
            return path.startsWith("/api/atlas/");
        }
    }

    private static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        SPEC.root().path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                ops.add(new Operation(path.getKey(), method.getKey().toUpperCase(), method.getValue()));
            }
        }
        return ops;
    }

    /** (media type, example name, example value) of a request body or response. */
    private record NamedExample(String mediaType, String name, JsonNode value) {}

    private static List<NamedExample> examples(JsonNode bodyOrResponse) {
        List<NamedExample> found = new ArrayList<>();
        JsonNode resolved = SPEC.resolve(bodyOrResponse);
        for (Iterator<Map.Entry<String, JsonNode>> types =
                        resolved.path("content").fields();
                types.hasNext(); ) {
            Map.Entry<String, JsonNode> type = types.next();
            for (Iterator<Map.Entry<String, JsonNode>> ex =
                            type.getValue().path("examples").fields();
                    ex.hasNext(); ) {
                Map.Entry<String, JsonNode> e = ex.next();
                found.add(new NamedExample(
                        type.getKey(), e.getKey(), SPEC.resolve(e.getValue()).path("value")));
            }
        }
        return found;
    }

    @TestFactory
    Stream<DynamicTest> everyRequestExampleIsAcceptedByTheEmulator() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations()) {
            for (NamedExample example : examples(op.node().path("requestBody"))) {
                tests.add(DynamicTest.dynamicTest(
                        op.id() + " request example " + example.name() + " (" + example.mediaType() + ")",
                        () -> replay(op, example)));
            }
        }
        assertThat(tests).as("request examples in the spec").isNotEmpty();
        return tests.stream();
    }

    /** The operation's own versioned media type (the API keys' differs from the service accounts'). */
    private static String atlasVersionOf(Operation op) {
        for (Iterator<String> types = SPEC.resolve(op.node().path("requestBody"))
                        .path("content")
                        .fieldNames();
                types.hasNext(); ) {
            String type = types.next();
            if (type.startsWith("application/vnd.atlas.")) {
                return type;
            }
        }
        return Contract.ATLAS_JSON;
    }

    /** The provider state that has what the path names: an API key path needs the example API key. */
    private static String stateFor(Operation op) {
        if (op.isOAuth()) {
            return Contract.States.SECRET_VALID;
        }
        return op.path().contains("{apiUserId}")
                ? Contract.States.ORG_HAS_EXAMPLE_API_KEY
                : Contract.States.TARGET_HAS_NO_SECRET;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to the emulator failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void replay(Operation op, NamedExample example) {
        // The provider states and fixture credentials of the pacts: the emulator's state URL makes them valid.
        states.setUp(stateFor(op), Map.of());
        String authorization = op.isOAuth()
                ? Contract.fakeBasic(PactFixtures.TARGET_CLIENT_ID)
                : "Bearer " + Contract.FAKE_ACCESS_TOKEN;
        String path = concretePath(op.path());
        String accept = op.isAtlas() ? atlasVersionOf(op) : Contract.JSON;
        String body = example.mediaType().equals(Contract.FORM)
                ? form(example.value())
                : example.value().toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", example.mediaType())
                .header("Accept", accept)
                .method(op.method(), HttpRequest.BodyPublishers.ofString(body))
                .build());
        String what = op.id() + " with request example " + example.name();
        assertThat(response.statusCode())
                .as(what + " answered " + response.body())
                .isBetween(200, 299);

        // The request as sent, with the operation's own method: a PATCH example is checked against the PATCH.
        Request request = new SimpleRequest.Builder(Request.Method.valueOf(op.method()), path)
                .withHeader("Authorization", authorization)
                .withContentType(example.mediaType())
                .withAccept(accept)
                .withBody(body)
                .build();
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        assertThat(errors(VALIDATOR.validate(request, answer.build())))
                .as(what + ": request or answer against the spec")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyResponseExampleMatchesItsOwnSchema() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations()) {
            for (Iterator<Map.Entry<String, JsonNode>> rs =
                            op.node().path("responses").fields();
                    rs.hasNext(); ) {
                Map.Entry<String, JsonNode> r = rs.next();
                int status = Integer.parseInt(r.getKey());
                JsonNode response = SPEC.resolve(r.getValue());
                for (NamedExample example : examples(response)) {
                    tests.add(DynamicTest.dynamicTest(op.id() + " " + status + " example " + example.name(), () -> {
                        SimpleResponse.Builder b = SimpleResponse.Builder.status(status)
                                .withContentType(example.mediaType())
                                .withBody(example.value().toString());
                        for (Iterator<Map.Entry<String, JsonNode>> hs =
                                        response.path("headers").fields();
                                hs.hasNext(); ) {
                            Map.Entry<String, JsonNode> h = hs.next();
                            if (SPEC.resolve(h.getValue()).path("required").asBoolean(false)) {
                                b.withHeader(h.getKey(), "1");
                            }
                        }
                        assertThat(errors(VALIDATOR.validateResponse(
                                        concretePath(op.path()), Request.Method.valueOf(op.method()), b.build())))
                                .as(op.id() + " " + status + " example " + example.name())
                                .isEmpty();
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static String concretePath(String template) {
        Matcher m = PATH_PARAMETER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(SPEC.parameterExample(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String form(JsonNode value) {
        StringJoiner form = new StringJoiner("&");
        value.fields()
                .forEachRemaining(f -> form.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8)));
        return form.toString();
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }
}
