package io.github.atlascredentials.docs.reference;

import static io.github.atlascredentials.docs.reference.Html.code;
import static io.github.atlascredentials.docs.reference.Html.escape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Renders a parsed spec as one self-contained HTML page: every operation with its parameters,
 * bodies, responses and examples, the descriptions (error table included) and every component
 * schema and example. No scripts, no fonts, no remote resources.
 */
public final class ApiReferenceRenderer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final OpenAPI api;
    private final Components components;
    private final String sourceName;
    private final String projectVersion;
    private final StringBuilder page = new StringBuilder(256 * 1024);

    private ApiReferenceRenderer(OpenAPI api, String sourceName, String projectVersion) {
        this.api = Objects.requireNonNull(api, "api");
        this.components = api.getComponents() == null ? new Components() : api.getComponents();
        this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
        this.projectVersion = Objects.requireNonNull(projectVersion, "projectVersion");
    }

    public static String render(OpenAPI api, String sourceName, String projectVersion) {
        return new ApiReferenceRenderer(api, sourceName, projectVersion).renderPage();
    }

    private String renderPage() {
        Map<String, List<OperationAt>> operationsByTag = operationsByTag();
        String title = api.getInfo().getTitle();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(title))
                .append(" — API reference</title>\n")
                .append("<style>\n")
                .append(PageStyle.CSS)
                .append("</style>\n</head>\n<body>\n");
        navigation(operationsByTag);
        page.append("<main>\n");
        overview(title);
        List<FidelityTable.Row> fidelity = FidelityTable.of(api);
        page.append(ErrorCodeIndex.html(ErrorCodeIndex.of(api), fidelity));
        page.append(FidelityTable.html(fidelity, FidelityTable.causes(api)));
        page.append("<section id=\"operations\">\n<h2>Operations</h2>\n");
        operationsByTag.forEach((tag, operations) -> {
            page.append("<h3 class=\"tag\" id=\"tag-")
                    .append(escape(slug(tag)))
                    .append("\">")
                    .append(escape(tag))
                    .append("</h3>\n");
            tagDescription(tag);
            operations.forEach(this::operation);
        });
        page.append("</section>\n");
        schemas();
        examples();
        securitySchemes();
        page.append("</main>\n</body>\n</html>\n");
        return page.toString();
    }

    // --- layout ---

    private void navigation(Map<String, List<OperationAt>> operationsByTag) {
        page.append("<nav>\n<p class=\"brand\">")
                .append(escape(api.getInfo().getTitle()))
                .append("</p>\n<ul>\n")
                .append("<li><a href=\"#overview\">Overview</a></li>\n")
                .append("<li><a href=\"#errors\">Errors</a></li>\n")
                .append("<li><a href=\"#error-code-index\">Error code index</a></li>\n")
                .append("<li><a href=\"#operations\">Operations</a><ul>\n");
        operationsByTag.values().stream()
                .flatMap(List::stream)
                .forEach(op -> page.append("<li><a href=\"#")
                        .append(escape(Html.operationAnchor(op.operation.getOperationId())))
                        .append("\"><span class=\"method ")
                        .append(op.method.toLowerCase())
                        .append("\">")
                        .append(op.method)
                        .append("</span> ")
                        .append(escape(op.operation.getOperationId()))
                        .append("</a></li>\n"));
        page.append("</ul></li>\n<li><a href=\"#schemas\">Schemas</a></li>\n")
                .append("<li><a href=\"#examples\">Examples</a></li>\n")
                .append("<li><a href=\"#security\">Security schemes</a></li>\n</ul>\n</nav>\n");
    }

    private void overview(String title) {
        page.append("<header id=\"overview\">\n<h1>")
                .append(escape(title))
                .append("</h1>\n<p class=\"meta\">")
                .append("API version ")
                .append(code(api.getInfo().getVersion()))
                .append(" · toolkit ")
                .append(code(projectVersion))
                .append(" · OpenAPI ")
                .append(code(api.getOpenapi()))
                .append(" · generated from ")
                .append(code(sourceName))
                .append("</p>\n");
        page.append("<p class=\"meta\">")
                .append(count(
                        operationsByTag().values().stream().mapToInt(List::size).sum(), "operation"))
                .append(", ")
                .append(count(size(components.getSchemas()), "schema"))
                .append(", ")
                .append(count(size(components.getExamples()), "named example"))
                .append(".</p>\n");
        if (api.getServers() != null && !api.getServers().isEmpty()) {
            page.append("<p>Servers: ");
            page.append(api.getServers().stream().map(this::server).collect(Collectors.joining(", ")));
            page.append("</p>\n");
        }
        if (api.getInfo().getLicense() != null) {
            page.append("<p>License: ").append(escape(api.getInfo().getLicense().getName()));
            if (api.getInfo().getLicense().getUrl() != null) {
                page.append(" (")
                        .append(code(api.getInfo().getLicense().getUrl()))
                        .append(')');
            }
            page.append("</p>\n");
        }
        page.append("<div class=\"description\">\n")
                .append(MarkdownToHtml.render(api.getInfo().getDescription()))
                .append("</div>\n</header>\n");
    }

    private String server(Server server) {
        return code(server.getUrl()) + (server.getDescription() == null ? "" : " — " + escape(server.getDescription()));
    }

    private void tagDescription(String tag) {
        if (api.getTags() == null) {
            return;
        }
        api.getTags().stream()
                .filter(t -> t.getName().equals(tag))
                .map(Tag::getDescription)
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(description -> page.append(MarkdownToHtml.render(description)));
    }

    // --- operations ---

    private record OperationAt(String method, String path, Operation operation) {}

    private Map<String, List<OperationAt>> operationsByTag() {
        Map<String, List<OperationAt>> byTag = new LinkedHashMap<>();
        if (api.getTags() != null) {
            api.getTags().forEach(tag -> byTag.put(tag.getName(), new ArrayList<>()));
        }
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String tag =
                            operation.getTags() == null || operation.getTags().isEmpty()
                                    ? "Other"
                                    : operation.getTags().get(0);
                    byTag.computeIfAbsent(tag, t -> new ArrayList<>())
                            .add(new OperationAt(method.name(), path, operation));
                }));
        byTag.values().removeIf(List::isEmpty);
        return byTag;
    }

    private void operation(OperationAt at) {
        Operation operation = at.operation;
        page.append("<section class=\"operation\" id=\"")
                .append(escape(Html.operationAnchor(operation.getOperationId())))
                .append("\">\n<h4><span class=\"method ")
                .append(at.method.toLowerCase())
                .append("\">")
                .append(at.method)
                .append("</span> ")
                .append(code(at.path))
                .append("</h4>\n");
        page.append("<p class=\"summary\"><strong>")
                .append(escape(operation.getSummary()))
                .append("</strong> · operationId ")
                .append(code(operation.getOperationId()))
                .append("</p>\n");
        page.append("<p class=\"auth\">Authentication: ")
                .append(security(operation.getSecurity() != null ? operation.getSecurity() : api.getSecurity()))
                .append("</p>\n");
        page.append(MarkdownToHtml.render(operation.getDescription()));
        parameters(operation);
        requestBody(operation.getRequestBody());
        responses(operation);
        page.append("</section>\n");
    }

    private String security(List<SecurityRequirement> requirements) {
        if (requirements == null || requirements.isEmpty()) {
            return "none";
        }
        return requirements.stream()
                .map(requirement -> requirement.keySet().stream()
                        .map(name -> "<a href=\"#security-" + escape(name) + "\">" + code(name) + "</a>")
                        .collect(Collectors.joining(" and ")))
                .collect(Collectors.joining(" or "));
    }

    private void parameters(Operation operation) {
        if (operation.getParameters() == null || operation.getParameters().isEmpty()) {
            return;
        }
        page.append("<h5>Parameters</h5>\n<table>\n<thead><tr><th>Name</th><th>In</th><th>Type</th>")
                .append("<th>Rules</th><th>Description</th></tr></thead>\n<tbody>\n");
        for (Parameter reference : operation.getParameters()) {
            Parameter parameter = resolve(reference);
            page.append("<tr><td>")
                    .append(code(parameter.getName()))
                    .append(
                            Boolean.TRUE.equals(parameter.getRequired())
                                    ? " <span class=\"required\">required</span>"
                                    : "")
                    .append("</td><td>")
                    .append(escape(parameter.getIn()))
                    .append("</td><td class=\"type\">")
                    .append(SchemaDescriber.type(parameter.getSchema()))
                    .append("</td><td>")
                    .append(SchemaDescriber.constraints(parameter.getSchema()))
                    .append("</td><td>")
                    .append(MarkdownToHtml.render(parameter.getDescription()));
            if (parameter.getExample() != null) {
                page.append("<p>Example: ").append(code(parameter.getExample())).append("</p>");
            }
            page.append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n");
    }

    private void requestBody(RequestBody reference) {
        if (reference == null) {
            return;
        }
        RequestBody body = resolve(reference);
        page.append("<h5>Request body")
                .append(Boolean.TRUE.equals(body.getRequired()) ? " <span class=\"required\">required</span>" : "")
                .append("</h5>\n");
        page.append(MarkdownToHtml.render(body.getDescription()));
        content(body.getContent());
    }

    private void responses(Operation operation) {
        page.append("<h5>Responses</h5>\n");
        operation.getResponses().forEach((status, reference) -> {
            ApiResponse response = resolve(reference);
            String shared = reference.get$ref() == null
                    ? ""
                    : " <span class=\"shared\">(shared response " + code(Html.refName(reference.get$ref()))
                            + ")</span>";
            page.append("<div class=\"response status-")
                    .append(escape(status.substring(0, 1)))
                    .append("xx\">\n")
                    .append("<p class=\"status\"><strong>")
                    .append(escape(status))
                    .append("</strong>")
                    .append(shared)
                    .append("</p>\n")
                    .append(MarkdownToHtml.render(response.getDescription()));
            headers(response.getHeaders());
            content(response.getContent());
            page.append("</div>\n");
        });
    }

    private void headers(Map<String, Header> headers) {
        if (headers == null || headers.isEmpty()) {
            return;
        }
        page.append(
                "<table class=\"headers\">\n<thead><tr><th>Header</th><th>Type</th><th>Description</th></tr></thead>\n<tbody>\n");
        headers.forEach((name, reference) -> {
            Header header = resolve(reference);
            page.append("<tr><td>")
                    .append(code(name))
                    .append(Boolean.TRUE.equals(header.getRequired()) ? " <span class=\"required\">always</span>" : "")
                    .append("</td><td class=\"type\">")
                    .append(SchemaDescriber.type(header.getSchema()))
                    .append(' ')
                    .append(SchemaDescriber.constraints(header.getSchema()))
                    .append("</td><td>")
                    .append(MarkdownToHtml.render(header.getDescription()))
                    .append("</td></tr>\n");
        });
        page.append("</tbody>\n</table>\n");
    }

    private void content(Content content) {
        if (content == null || content.isEmpty()) {
            page.append("<p class=\"empty\">No body.</p>\n");
            return;
        }
        content.forEach((mediaType, media) -> {
            page.append("<p class=\"media\">")
                    .append(code(mediaType))
                    .append(": ")
                    .append(SchemaDescriber.type(media.getSchema()))
                    .append("</p>\n");
            mediaExamples(media);
        });
    }

    private void mediaExamples(MediaType media) {
        if (media.getExamples() == null) {
            return;
        }
        media.getExamples().forEach((name, reference) -> {
            Example example = resolve(reference);
            String componentName = reference.get$ref() == null ? null : Html.refName(reference.get$ref());
            page.append("<details class=\"example\"><summary>Example ").append(code(name));
            if (componentName != null) {
                page.append(" (<a href=\"#")
                        .append(escape(Html.exampleAnchor(componentName)))
                        .append("\">")
                        .append(escape(componentName))
                        .append("</a>)");
            }
            page.append(example.getSummary() == null ? "" : " — " + escape(example.getSummary()))
                    .append("</summary>\n")
                    .append(json(example.getValue()))
                    .append("</details>\n");
        });
    }

    // --- components ---

    private void schemas() {
        page.append("<section id=\"schemas\">\n<h2>Schemas</h2>\n");
        if (components.getSchemas() != null) {
            components.getSchemas().forEach(this::schema);
        }
        page.append("</section>\n");
    }

    private void schema(String name, Schema<?> schema) {
        page.append("<section class=\"schema\" id=\"")
                .append(escape(Html.schemaAnchor(name)))
                .append("\">\n<h3>")
                .append(escape(name))
                .append("</h3>\n<p class=\"meta\">")
                .append(SchemaDescriber.type(schema));
        String rules = SchemaDescriber.constraints(schema);
        page.append(rules.isEmpty() ? "" : "; " + rules).append("</p>\n");
        page.append(MarkdownToHtml.render(schema.getDescription()));
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null && !properties.isEmpty()) {
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            page.append(
                    "<table>\n<thead><tr><th>Property</th><th>Type</th><th>Rules</th><th>Description</th></tr></thead>\n<tbody>\n");
            properties.forEach((property, propertySchema) -> page.append("<tr><td>")
                    .append(code(property))
                    .append(required.contains(property) ? " <span class=\"required\">required</span>" : "")
                    .append("</td><td class=\"type\">")
                    .append(SchemaDescriber.type(propertySchema))
                    .append("</td><td>")
                    .append(SchemaDescriber.constraints(propertySchema))
                    .append("</td><td>")
                    .append(MarkdownToHtml.render(propertySchema.getDescription()))
                    .append("</td></tr>\n"));
            page.append("</tbody>\n</table>\n");
        }
        page.append("</section>\n");
    }

    private void examples() {
        page.append("<section id=\"examples\">\n<h2>Examples</h2>\n");
        if (components.getExamples() != null) {
            components.getExamples().forEach((name, example) -> {
                page.append("<section class=\"example\" id=\"")
                        .append(escape(Html.exampleAnchor(name)))
                        .append("\">\n<h3>")
                        .append(escape(name))
                        .append("</h3>\n");
                page.append(example.getSummary() == null ? "" : "<p>" + escape(example.getSummary()) + "</p>\n");
                page.append(MarkdownToHtml.render(example.getDescription()))
                        .append(json(example.getValue()))
                        .append("</section>\n");
            });
        }
        page.append("</section>\n");
    }

    private void securitySchemes() {
        page.append("<section id=\"security\">\n<h2>Security schemes</h2>\n");
        if (components.getSecuritySchemes() != null) {
            components.getSecuritySchemes().forEach(this::securityScheme);
        }
        page.append("</section>\n");
    }

    private void securityScheme(String name, SecurityScheme scheme) {
        page.append("<section class=\"security\" id=\"security-")
                .append(escape(name))
                .append("\">\n<h3>")
                .append(escape(name))
                .append("</h3>\n<p class=\"meta\">")
                .append(code(scheme.getType()));
        if (scheme.getScheme() != null) {
            page.append(" scheme ").append(code(scheme.getScheme()));
        }
        if (scheme.getFlows() != null && scheme.getFlows().getClientCredentials() != null) {
            page.append(", client credentials, token URL ")
                    .append(code(scheme.getFlows().getClientCredentials().getTokenUrl()));
        }
        page.append("</p>\n")
                .append(MarkdownToHtml.render(scheme.getDescription()))
                .append("</section>\n");
    }

    // --- references and values ---

    private Parameter resolve(Parameter parameter) {
        return parameter.get$ref() == null ? parameter : component(components.getParameters(), parameter.get$ref());
    }

    private RequestBody resolve(RequestBody body) {
        return body.get$ref() == null ? body : component(components.getRequestBodies(), body.get$ref());
    }

    private ApiResponse resolve(ApiResponse response) {
        return response.get$ref() == null ? response : component(components.getResponses(), response.get$ref());
    }

    private Header resolve(Header header) {
        return header.get$ref() == null ? header : component(components.getHeaders(), header.get$ref());
    }

    private Example resolve(Example example) {
        return example.get$ref() == null ? example : component(components.getExamples(), example.get$ref());
    }

    private static <T> T component(Map<String, T> byName, String ref) {
        T component = byName == null ? null : byName.get(Html.refName(ref));
        if (component == null) {
            throw new IllegalStateException("Unresolved reference " + ref);
        }
        return component;
    }

    private static String json(Object value) {
        try {
            return "<pre><code>" + escape(JSON.writeValueAsString(value)) + "</code></pre>\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Example value cannot be written as JSON", e);
        }
    }

    private static String slug(String text) {
        return text.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static int size(Map<?, ?> map) {
        return map == null ? 0 : map.size();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
