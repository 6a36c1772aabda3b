package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the spec in a form code can read: every operation, the named parameters and schemas,
 * the documented limits ({@code x-limits}) and the error codes ({@code x-error-codes}, {@code x-oauth-errors}). The build writes them from {@code openapi.yaml} into
 * this jar ({@value #RESOURCE}); the client and the emulator read them from there, so a spec edit and
 * a rebuild change both with no hand edit. Immutable and thread-safe.
 */
public record ApiRules(
        String specVersion,
        List<OperationRule> operations,
        Map<String, ParameterRule> parameters,
        Map<String, SchemaRule> schemas,
        Map<String, Limit> limits,
        Map<String, ErrorCodeRule> errorCodes,
        Map<String, ErrorCodeRule> oauthErrors) {
    /** Where the build puts the rule table, on the classpath. */
    public static final String RESOURCE = "/io/github/atlascredentials/spec/rules/api-rules.json";

    static final ObjectMapper MAPPER = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ApiRules {
        operations = List.copyOf(operations);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        schemas = Collections.unmodifiableMap(new LinkedHashMap<>(schemas));
        limits = limits == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(limits));
        errorCodes = errorCodes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(errorCodes));
        oauthErrors = oauthErrors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(oauthErrors));
    }

    /** A documented limit: its value and unit (from the spec's {@code x-limits}). */
    public record Limit(long value, String unit, String description) {}

    private static final class BuiltIn {
        static final ApiRules RULES = load();

        private static ApiRules load() {
            try (InputStream in = ApiRules.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing: the spec module's build writes it");
                }
                return fromJson(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The rules of the spec this jar was built from (read once). */
    public static ApiRules builtIn() {
        return BuiltIn.RULES;
    }

    public static ApiRules fromJson(InputStream json) throws IOException {
        return RuleTableReader.read(json);
    }

    public String toJson() {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<OperationRule> operation(String operationId) {
        return operations.stream()
                .filter(o -> o.operationId().equals(operationId))
                .findFirst();
    }

    /** The operation, which the caller knows the spec defines. */
    public OperationRule requireOperation(String operationId) {
        return operation(operationId)
                .orElseThrow(() -> new IllegalStateException("the spec defines no operation " + operationId));
    }

    /** A schema of {@code components.schemas}, which the caller knows the spec defines. */
    public SchemaRule schema(String name) {
        SchemaRule schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalStateException("the spec defines no schema " + name);
        }
        return schema;
    }

    /** A parameter of {@code components.parameters}, which the caller knows the spec defines. */
    public ParameterRule parameter(String name) {
        ParameterRule parameter = parameters.get(name);
        if (parameter == null) {
            throw new IllegalStateException("the spec defines no parameter " + name);
        }
        return parameter;
    }

    /** A limit of {@code x-limits}, which the caller knows the spec defines. */
    public long limit(String name) {
        Limit limit = limits.get(name);
        if (limit == null) {
            throw new IllegalStateException("the spec documents no limit " + name);
        }
        return limit.value();
    }

    /** Every media-type version date any operation serves, oldest first. */
    @JsonIgnore
    public List<String> versions() {
        return operations.stream()
                .flatMap(o -> o.versions().stream())
                .distinct()
                .sorted()
                .toList();
    }
}
