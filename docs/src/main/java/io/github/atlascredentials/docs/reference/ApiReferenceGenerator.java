package io.github.atlascredentials.docs.reference;

import io.github.atlascredentials.spec.gate.CommandLine;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the API reference page from the spec. Arguments: {@code --spec=} {@code --out=}
 * {@code --project-version=}. Fails on a spec the parser does not accept cleanly.
 */
public final class ApiReferenceGenerator {

    private ApiReferenceGenerator() {}

    public static void main(String[] args) {
        CommandLine line = CommandLine.parse(args);
        Path out = line.path("out");
        generate(line.path("spec"), out, line.required("project-version"));
        System.out.println("[api-reference] wrote " + out.toAbsolutePath());
    }

    public static void generate(Path spec, Path out, String projectVersion) {
        OpenAPI api = parse(spec);
        String html = ApiReferenceRenderer.render(api, "spec/" + spec.getFileName(), projectVersion);
        String fidelity = FidelityTable.markdown(FidelityTable.of(api), FidelityTable.causes(api), projectVersion);
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, html, StandardCharsets.UTF_8);
            // The Fidelity page, beside the reference: Markdown, and HTML with the reference's style.
            Files.writeString(out.resolveSibling("fidelity.md"), fidelity, StandardCharsets.UTF_8);
            Files.writeString(
                    out.resolveSibling("fidelity.html"),
                    MarkdownToHtml.page("Fidelity", fidelity),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + out.toAbsolutePath(), e);
        }
    }

    public static OpenAPI parse(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result =
                new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
        if (result.getOpenAPI() == null
                || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException("Cannot read " + spec + ": " + result.getMessages());
        }
        return result.getOpenAPI();
    }
}
