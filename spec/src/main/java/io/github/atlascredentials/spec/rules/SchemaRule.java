package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the spec says about one value: its JSON type and the rules it must follow. Built from the spec
 * at build time ({@link RuleTableGenerator}); immutable and thread-safe. A {@code null} bound means
 * the spec sets none.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class SchemaRule {
    private final String type;
    private final String format;
    private final Long minimum;
    private final Long maximum;
    private final Integer minLength;
    private final Integer maxLength;
    private final String pattern;
    private final List<String> enumValues;
    private final Integer minItems;
    private final Integer maxItems;
    private final SchemaRule items;
    private final Map<String, SchemaRule> properties;
    private final List<String> required;
    private final boolean closed;
    private final List<SchemaRule> oneOf;
    private final String jsonTypeName;
    private final String ruleText;
    private final ErrorOverride error;
    private final Integer minProperties;
    private final Integer maxProperties;
    private final boolean uniqueItems;
    private final boolean exclusiveMinimum;
    private final boolean exclusiveMaximum;

    @JsonIgnore
    private final Pattern compiledPattern;

    /** A rule without object-size bounds, unique items or exclusive bounds. */
    public SchemaRule(
            String type,
            String format,
            Long minimum,
            Long maximum,
            Integer minLength,
            Integer maxLength,
            String pattern,
            List<String> enumValues,
            Integer minItems,
            Integer maxItems,
            SchemaRule items,
            Map<String, SchemaRule> properties,
            List<String> required,
            boolean closed,
            List<SchemaRule> oneOf,
            String jsonTypeName,
            String ruleText,
            ErrorOverride error) {
        this(
                type,
                format,
                minimum,
                maximum,
                minLength,
                maxLength,
                pattern,
                enumValues,
                minItems,
                maxItems,
                items,
                properties,
                required,
                closed,
                oneOf,
                jsonTypeName,
                ruleText,
                error,
                null,
                null,
                false,
                false,
                false);
    }

    @JsonCreator
    public SchemaRule(
            @JsonProperty("type") String type,
            @JsonProperty("format") String format,
            @JsonProperty("minimum") Long minimum,
            @JsonProperty("maximum") Long maximum,
            @JsonProperty("minLength") Integer minLength,
            @JsonProperty("maxLength") Integer maxLength,
            @JsonProperty("pattern") String pattern,
            @JsonProperty("enumValues") List<String> enumValues,
            @JsonProperty("minItems") Integer minItems,
            @JsonProperty("maxItems") Integer maxItems,
            @JsonProperty("items") SchemaRule items,
            @JsonProperty("properties") Map<String, SchemaRule> properties,
            @JsonProperty("required") List<String> required,
            @JsonProperty("closed") boolean closed,
            @JsonProperty("oneOf") List<SchemaRule> oneOf,
            @JsonProperty("jsonTypeName") String jsonTypeName,
            @JsonProperty("ruleText") String ruleText,
            @JsonProperty("error") ErrorOverride error,
            @JsonProperty("minProperties") Integer minProperties,
            @JsonProperty("maxProperties") Integer maxProperties,
            @JsonProperty("uniqueItems") boolean uniqueItems,
            @JsonProperty("exclusiveMinimum") boolean exclusiveMinimum,
            @JsonProperty("exclusiveMaximum") boolean exclusiveMaximum) {
        this.type = type;
        this.format = format;
        this.minimum = minimum;
        this.maximum = maximum;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.items = items;
        this.properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.required = required == null ? List.of() : List.copyOf(required);
        this.closed = closed;
        this.oneOf = oneOf == null ? List.of() : List.copyOf(oneOf);
        this.jsonTypeName = jsonTypeName;
        this.ruleText = ruleText;
        this.error = error;
        this.minProperties = minProperties;
        this.maxProperties = maxProperties;
        this.uniqueItems = uniqueItems;
        this.exclusiveMinimum = exclusiveMinimum;
        this.exclusiveMaximum = exclusiveMaximum;
        this.compiledPattern = pattern == null ? null : Pattern.compile(pattern);
    }

    @JsonProperty
    public String type() {
        return type;
    }

    @JsonProperty
    public String format() {
        return format;
    }

    @JsonProperty
    public Long minimum() {
        return minimum;
    }

    @JsonProperty
    public Long maximum() {
        return maximum;
    }

    @JsonProperty
    public Integer minLength() {
        return minLength;
    }

    @JsonProperty
    public Integer maxLength() {
        return maxLength;
    }

    @JsonProperty
    public String pattern() {
        return pattern;
    }

    @JsonProperty
    public List<String> enumValues() {
        return enumValues;
    }

    @JsonProperty
    public Integer minItems() {
        return minItems;
    }

    @JsonProperty
    public Integer maxItems() {
        return maxItems;
    }

    @JsonProperty
    public SchemaRule items() {
        return items;
    }

    @JsonProperty
    public Map<String, SchemaRule> properties() {
        return properties;
    }

    @JsonProperty
    public List<String> required() {
        return required;
    }

    @JsonProperty
    public List<SchemaRule> oneOf() {
        return oneOf;
    }
    /** {@code x-json-type}: how an answer names the expected JSON type, when the default is not enough. */
    @JsonProperty
    public String jsonTypeName() {
        return jsonTypeName;
    }
    /** {@code x-rule}: the rule in words, used instead of the default wording of a broken bound or pattern. */
    @JsonProperty
    public String ruleText() {
        return ruleText;
    }
    /** {@code x-error}: the errorCode the service answers when this value breaks a rule. */
    @JsonProperty
    public ErrorOverride error() {
        return error;
    }

    /** {@code minProperties}: the fewest non-null fields an object may have (an update with nothing to change). */
    @JsonProperty
    public Integer minProperties() {
        return minProperties;
    }
    /** {@code maxProperties}: the most non-null fields an object may have. */
    @JsonProperty
    public Integer maxProperties() {
        return maxProperties;
    }

    /** {@code uniqueItems: true}: an array may not hold the same value twice. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public boolean uniqueItems() {
        return uniqueItems;
    }

    /** {@code exclusiveMinimum: true} (OpenAPI 3.0): the value must be above {@link #minimum()}, not equal. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public boolean exclusiveMinimum() {
        return exclusiveMinimum;
    }

    /** {@code exclusiveMaximum: true} (OpenAPI 3.0): the value must be below {@link #maximum()}, not equal. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public boolean exclusiveMaximum() {
        return exclusiveMaximum;
    }

    /** {@code additionalProperties: false}: fields the schema does not define are refused. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    public boolean closed() {
        return closed;
    }

    /** The compiled {@link #pattern()}, or null. */
    @JsonIgnore
    public Pattern compiledPattern() {
        return compiledPattern;
    }

    /** A property of an object schema. */
    public Optional<SchemaRule> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** Like {@link #property} but the property must exist: the caller relies on the spec defining it. */
    public SchemaRule requireProperty(String name) {
        return property(name).orElseThrow(() -> new IllegalStateException("the spec defines no property " + name));
    }

    /** {@code format: int32} or an integer without format that a Java int holds. */
    @JsonIgnore
    public boolean isInt32() {
        return "integer".equals(type) && !"int64".equals(format);
    }
}
