package io.github.atlascredentials.emulator.http;

/**
 * One check of the request pipeline. It reads what earlier steps put into the {@link ApiRequest},
 * adds its own finding, or throws an {@link ApiProblem} that becomes the answer. A step that does not
 * concern the operation (say, Digest on an OAuth endpoint) returns at once.
 */
public interface RequestStep {
    void apply(ApiRequest request);
}
