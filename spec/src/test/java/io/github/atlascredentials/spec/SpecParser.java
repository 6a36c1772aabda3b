package io.github.atlascredentials.spec;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;

/** swagger-parser with reference resolution on, as the generators use it. */
final class SpecParser {

    private SpecParser() {}

    static SwaggerParseResult parse(Path file) {
        return new OpenAPIV3Parser().readLocation(file.toString(), null, options());
    }

    static SwaggerParseResult parse(String yaml) {
        return new OpenAPIV3Parser().readContents(yaml, null, options());
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }
}
