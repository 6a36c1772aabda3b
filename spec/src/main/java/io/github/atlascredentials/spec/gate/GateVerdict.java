package io.github.atlascredentials.spec.gate;

/** What the gate decides about one comparison, with the sentence that explains it. */
public record GateVerdict(Outcome outcome, String explanation) {

    public enum Outcome {
        /** Nothing changed, or only descriptions and other metadata. */
        UNCHANGED,
        /** Clients built against the released spec keep working. */
        COMPATIBLE,
        /** Incompatible, and the project's major version was raised: allowed. */
        BREAKING_WITH_MAJOR_BUMP,
        /** Incompatible, let through by -Dspec.allowBreaking=true. */
        BREAKING_OVERRIDDEN,
        /** Incompatible and neither allowed: the build fails. */
        BREAKING_REFUSED
    }

    public boolean passes() {
        return outcome != Outcome.BREAKING_REFUSED;
    }
}
