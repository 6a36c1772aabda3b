package io.github.atlascredentials.contract.specchange;

/**
 * One edit of the spec's text: {@code find} must occur exactly once, so an edit that no longer fits
 * the spec fails loudly instead of testing nothing.
 */
record SpecMutation(String name, String find, String replaceWith) {

    String applyTo(String spec) {
        int first = spec.indexOf(find);
        if (first < 0 || spec.indexOf(find, first + 1) >= 0) {
            throw new IllegalStateException(
                    "mutation '" + name + "' expects its text exactly once in the spec: " + find);
        }
        return spec.replace(find, replaceWith);
    }
}
