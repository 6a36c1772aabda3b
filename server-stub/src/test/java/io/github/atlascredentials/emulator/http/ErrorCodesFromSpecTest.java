package io.github.atlascredentials.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import io.github.atlascredentials.emulator.generated.errors.OAuthErrorCode;
import io.github.atlascredentials.spec.rules.ApiRules;
import io.github.atlascredentials.spec.rules.ErrorCodeRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 3: each error code's status and text are defined once, in the spec, and the emulator
 * names codes only through the enums generated from it.
 */
class ErrorCodesFromSpecTest {
    private static final Path MAIN = Path.of("src", "main", "java");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Za-z_]+)\"");

    @Test
    void everyGeneratedConstantIsTheSpecsCodeWithItsStatusAndText() {
        Map<String, ErrorCodeRule> codes = ApiRules.builtIn().errorCodes();
        for (ErrorCode code : ErrorCode.values()) {
            ErrorCodeRule rule = codes.get(code.code());
            assertThat(rule).as(code.name()).isNotNull();
            assertThat(code.status()).as(code.name()).isEqualTo(rule.status());
            assertThat(
                            code.name().equals(code.code())
                                    ? List.of(rule.detail())
                                    : rule.variants().values())
                    .as(code.name())
                    .contains(code.text());
        }
        Map<String, ErrorCodeRule> oauth = ApiRules.builtIn().oauthErrors();
        for (OAuthErrorCode code : OAuthErrorCode.values()) {
            assertThat(oauth.get(code.code())).as(code.name()).isNotNull();
            assertThat(code.status()).isEqualTo(oauth.get(code.code()).status());
        }
        assertThat(ErrorCode.USER_UNAUTHORIZED.text())
                .isEqualTo("Current user is not authorized to perform this action.");
        assertThat(OAuthErrorCode.INVALID_CLIENT.text()).isEqualTo("Invalid credentials provided.");
    }

    @Test
    void mainCodeWritesNoErrorCodeOfTheSpecAsALiteral() throws IOException {
        Set<String> codes = new HashSet<>(ApiRules.builtIn().errorCodes().keySet());
        codes.addAll(ApiRules.builtIn().oauthErrors().keySet());
        List<String> literals = new ArrayList<>();
        Pattern statusAndCode = Pattern.compile("ApiProblem\\.(api|oauth)\\(\\s*[0-9]{3}");
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.trim().startsWith("*") || line.trim().startsWith("//")) {
                        continue; // comments may quote an answer
                    }
                    Matcher m = STRING_LITERAL.matcher(line);
                    while (m.find()) {
                        if (codes.contains(m.group(1))) {
                            literals.add(file.getFileName() + ":" + (i + 1) + " " + m.group(1));
                        }
                    }
                    if (statusAndCode.matcher(line).find()) {
                        literals.add(file.getFileName() + ":" + (i + 1) + " status literal");
                    }
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void anAnswerFillsTheSpecsTextAndParameters() {
        JsonNode body = json(ApiProblem.of(ErrorCode.RATE_LIMITED, "/api/oauth/token", 10, 1));
        assertThat(body.get("error").asInt()).isEqualTo(429);
        assertThat(body.get("detail").asText())
                .isEqualTo("Resource /api/oauth/token is limited to 10 requests every 1 minutes.");
        assertThat(body.get("parameters").toString()).isEqualTo("[\"/api/oauth/token\",10,1]");
        JsonNode notAllowed = json(ApiProblem.of(ErrorCode.METHOD_NOT_ALLOWED, "PUT", "/api/oauth/token"));
        assertThat(notAllowed.get("detail").asText()).isEqualTo("Method PUT is not allowed on /api/oauth/token.");
        assertThat(notAllowed.get("parameters").toString()).isEqualTo("[\"PUT\"]");
    }

    @Test
    void theWrongNumberOfValuesIsAProgrammingErrorNotAnAnswer() {
        assertThatThrownBy(() -> ApiProblem.of(ErrorCode.RESOURCE_NOT_FOUND))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[resource]");
        assertThatThrownBy(() -> ApiProblem.oauth(OAuthErrorCode.ACCESS_DENIED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[limit]");
    }

    private static JsonNode json(ApiProblem problem) {
        try {
            return Json.MAPPER.readTree(problem.bodyBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
