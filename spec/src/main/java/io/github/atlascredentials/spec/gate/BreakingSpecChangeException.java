package io.github.atlascredentials.spec.gate;

/** Thrown to fail the build on an incompatible spec change that nothing allows. */
public final class BreakingSpecChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BreakingSpecChangeException(String message) {
        super(message);
    }
}
