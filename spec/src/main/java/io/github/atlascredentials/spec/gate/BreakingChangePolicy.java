package io.github.atlascredentials.spec.gate;

import io.github.atlascredentials.spec.gate.GateVerdict.Outcome;
import org.openapitools.openapidiff.core.model.DiffResult;

/**
 * Decides whether a change since the last release may be built: an incompatible change needs a
 * higher major version than the released one, or the explicit override.
 */
public final class BreakingChangePolicy {

    public static final String OVERRIDE_PROPERTY = "spec.allowBreaking";

    private BreakingChangePolicy() {}

    /** What a comparison found, whichever tool made it. */
    public enum Change {
        NONE,
        COMPATIBLE,
        INCOMPATIBLE
    }

    public static GateVerdict decide(
            DiffResult result, ProjectVersion released, ProjectVersion project, boolean allowBreaking) {
        Change change = result.isUnchanged() || result.isMetaChanged()
                ? Change.NONE
                : result.isIncompatible() ? Change.INCOMPATIBLE : Change.COMPATIBLE;
        return decide(change, "API contract", released, project, allowBreaking);
    }

    /**
     * The one rule of both gates (the spec's HTTP contract and the client's Java API).
     *
     * @param what what was compared, for the explanation ("API contract", "client's Java API")
     */
    public static GateVerdict decide(
            Change change, String what, ProjectVersion released, ProjectVersion project, boolean allowBreaking) {
        if (change == Change.NONE) {
            return new GateVerdict(Outcome.UNCHANGED, "No change to the " + what + " since release " + released + ".");
        }
        if (change == Change.COMPATIBLE) {
            return new GateVerdict(
                    Outcome.COMPATIBLE,
                    "Compatible change to the " + what + " since release " + released
                            + ": clients built against it keep working.");
        }
        if (project.major() > released.major()) {
            return new GateVerdict(
                    Outcome.BREAKING_WITH_MAJOR_BUMP,
                    "Incompatible change to the " + what + ", allowed because the major version went from "
                            + released.major() + " (" + released + ") to " + project.major() + " (" + project + ").");
        }
        if (allowBreaking) {
            return new GateVerdict(
                    Outcome.BREAKING_OVERRIDDEN,
                    "Incompatible change to the " + what + ", let through by -D" + OVERRIDE_PROPERTY
                            + "=true although the major version is still " + project.major() + ".");
        }
        return new GateVerdict(
                Outcome.BREAKING_REFUSED,
                "Incompatible change to the " + what + " since release " + released + ". Make it"
                        + " compatible, raise the major version above " + released.major() + ", or pass -D"
                        + OVERRIDE_PROPERTY + "=true on purpose (see docs/7-changing-the-spec.md).");
    }
}
