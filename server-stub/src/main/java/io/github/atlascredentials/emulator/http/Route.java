package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.spec.rules.OperationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One path the emulator serves: a path template of the spec (with the operations on it, one per
 * method) or of the test-support resource (no operations: the API steps leave it alone).
 */
public final class Route {
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    private final String template;
    private final List<OperationRule> operations;
    private final Set<String> methods;
    private final Set<String> unimplemented;
    private final Pattern pattern;
    private final List<String> parameterNames = new ArrayList<>();

    Route(String template, List<OperationRule> operations, Set<String> methods, Set<String> unimplemented) {
        this.template = template;
        this.operations = List.copyOf(operations);
        this.methods = Set.copyOf(methods);
        this.unimplemented = Set.copyOf(unimplemented);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        // A trailing slash is optional either way, as on the real service.
        String base = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        Matcher m = PARAMETER.matcher(base);
        while (m.find()) {
            regex.append(Pattern.quote(base.substring(last, m.start()))).append("([^/]+)");
            parameterNames.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(base.substring(last))).append("/?");
        this.pattern = Pattern.compile(regex.toString());
    }

    public String template() {
        return template;
    }

    /** The methods the path answers, for {@code Allow}. */
    public Set<String> methods() {
        return methods;
    }

    /** The spec operation of a method on this path, or null (test support, or a method the path lacks). */
    public OperationRule operation(String method) {
        for (OperationRule op : operations) {
            if (op.method().equals(method)) {
                return op;
            }
        }
        return null;
    }

    /** Whether the spec defines the operation but no resource method implements it. */
    public boolean unimplemented(OperationRule op) {
        return unimplemented.contains(op.operationId());
    }

    Matcher matcher(String rawPath) {
        return pattern.matcher(rawPath);
    }

    List<String> parameterNames() {
        return parameterNames;
    }
}
