package io.github.atlascredentials.emulator.admin;

import java.util.Locale;

/**
 * The rule that decides whether the test-support endpoints may stay open: only a bind address of
 * exactly {@code 127.0.0.1} or {@code ::1} counts as loopback. Everything else (0.0.0.0, ::,
 * 127.0.0.2, a host name, even {@code localhost}) counts as off loopback. Deliberately strict: other
 * 127.x addresses and names may be reachable or resolve differently, and the strict rule lets a test
 * on one machine bind 127.0.0.2 to see the off-loopback behaviour.
 */
public final class LoopbackRule {
    private LoopbackRule() {}

    public static boolean isLoopback(String bindAddress) {
        String host = bindAddress.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("127.0.0.1")
                || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1")
                || host.equals("0000:0000:0000:0000:0000:0000:0000:0001");
    }
}
