package io.github.atlascredentials.emulator.pact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One provider state of the catalogue: its exact name (Pact matches names exactly), what it seeds, the
 * parameters it takes and how it sets the emulator up.
 *
 * @param name       the state name a pact's {@code given(...)} carries
 * @param seeds      what the emulator holds afterwards and which credentials then work (for docs/6)
 * @param parameters the {@code params} it reads, with defaults; empty for a fixed state
 * @param setup      sets the state; answers the values a verifier may inject into the request
 */
public record ProviderState(String name, String seeds, List<Parameter> parameters, Setup setup) {
    public ProviderState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(seeds, "seeds");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(setup, "setup");
    }

    /** Each parameter's default value (null when it has none), by name. */
    public Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        parameters.forEach(p -> defaults.put(p.name(), p.defaultValue()));
        return defaults;
    }

    /** A parameter of a state, with its default (used when the pact gives none) and meaning. */
    public record Parameter(String name, String defaultValue, String meaning) {}

    /** Sets the state on a fresh world; the answer's entries are returned to the verifier as JSON. */
    @FunctionalInterface
    public interface Setup {
        Map<String, Object> apply(FixtureWorld world, StateParameters parameters);
    }
}
