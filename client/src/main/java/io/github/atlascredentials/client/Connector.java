package io.github.atlascredentials.client;

/**
 * The HTTP transport under Jersey. {@link #APACHE5} is the only one: a transport may not resend a request
 * on its own (only {@link RetryPolicy} decides resends) nor log a credential at any level, and the JDK's
 * transports do both with no per-client switch to stop them (see docs/4-errors-and-retries.md).
 */
public enum Connector {
    /**
     * Apache HttpClient 5 with a connection pool that keeps connections alive between calls, its automatic
     * retries off, and connections that never write to HttpClient's header and wire logs (which would print
     * credentials).
     */
    APACHE5
}
