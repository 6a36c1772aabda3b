package io.github.atlascredentials.emulator.admin;

/** Who may use the test-support endpoints under {@code /_emulator/}. */
public enum TestSupportAccess {
    /** Anyone: the emulator is bound to 127.0.0.1 or ::1 and no admin token is configured. */
    OPEN,
    /** Only requests with {@code Authorization: Bearer <admin token>}; health stays open but minimal. */
    ADMIN_TOKEN,
    /** Nobody: every path under {@code /_emulator/} is an unknown path (404). */
    DISABLED;

    /** The rule of guide 5: off loopback, or with a token configured, the token is required. */
    public static TestSupportAccess decide(boolean enabled, String bindAddress, boolean tokenConfigured) {
        if (!enabled) {
            return DISABLED;
        }
        return tokenConfigured || !LoopbackRule.isLoopback(bindAddress) ? ADMIN_TOKEN : OPEN;
    }
}
