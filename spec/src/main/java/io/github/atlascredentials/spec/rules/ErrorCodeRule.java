package io.github.atlascredentials.spec.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error code of the spec ({@code x-error-codes} or {@code x-oauth-errors}): its status, the text of the
 * answer with {@code {name}} placeholders, the placeholders that make up {@code ApiError.parameters}, the
 * texts of other causes answered with the same code ({@code variants}), and where it comes from.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ErrorCodeRule(
        int status, String detail, List<String> parameters, Map<String, String> variants, String source) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public ErrorCodeRule {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        variants = variants == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variants));
    }

    /**
     * The names a text needs, in the order an answer passes them: the {@code parameters} first, then the
     * other placeholders of the text in the order they appear.
     */
    public List<String> arguments(String text) {
        List<String> out = new ArrayList<>(parameters);
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The arguments of the default text. */
    @JsonIgnore
    public List<String> arguments() {
        return arguments(detail);
    }
}
