package io.github.atlascredentials.docs.gate;

import io.github.atlascredentials.docs.gate.GateVerdict.Outcome;
import org.openapitools.openapidiff.core.model.DiffResult;

/**
 * Decides whether a spec change may be built: an incompatible change needs a higher major
 * version than the released one, or the explicit override.
 */
public final class BreakingChangePolicy {

    public static final String OVERRIDE_PROPERTY = "spec.allowBreaking";

    private BreakingChangePolicy() {
    }

    public static GateVerdict decide(DiffResult result, ProjectVersion released, ProjectVersion project,
                                     boolean allowBreaking) {
        if (result.isUnchanged() || result.isMetaChanged()) {
            return new GateVerdict(Outcome.UNCHANGED,
                    "No change to the API contract since release " + released + ".");
        }
        if (!result.isIncompatible()) {
            return new GateVerdict(Outcome.COMPATIBLE,
                    "Compatible change since release " + released + ": clients built against it keep working.");
        }
        if (project.major() > released.major()) {
            return new GateVerdict(Outcome.BREAKING_WITH_MAJOR_BUMP,
                    "Incompatible change, allowed because the major version went from " + released.major()
                            + " (" + released + ") to " + project.major() + " (" + project + ").");
        }
        if (allowBreaking) {
            return new GateVerdict(Outcome.BREAKING_OVERRIDDEN,
                    "Incompatible change, let through by -D" + OVERRIDE_PROPERTY + "=true although the major"
                            + " version is still " + project.major() + ".");
        }
        return new GateVerdict(Outcome.BREAKING_REFUSED,
                "Incompatible change since release " + released + ". Make it"
                        + " compatible, raise the major version above " + released.major() + ", or pass -D"
                        + OVERRIDE_PROPERTY + "=true on purpose (see docs/7-changing-the-spec.md).");
    }
}
