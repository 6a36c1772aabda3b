package io.github.atlascredentials.emulator.http;

import java.io.InputStream;

/**
 * The parts of an HTTP request the request steps read, as sent: the request pipeline depends on this and not on a
 * server's request type, so the steps run the same under Grizzly and in unit tests.
 */
public interface RequestHead {
    String method();

    /** The path as sent, not decoded. */
    String rawPath();

    /** The query as sent, not decoded; null when the target has no {@code ?}. */
    String rawQuery();

    /** Every value of a header joined with {@code ","} (as JAX-RS's {@code getHeaderString}); null when absent. */
    String header(String name);

    /** The first value of a header; null when absent. */
    String firstHeader(String name);

    /** The body; read once, by the body step. */
    InputStream body();

    /** The peer's IP address, or null when unknown. */
    String remoteAddress();

    /** Scheme, host and port, without a trailing slash, for links in answers. */
    String baseUri();
}
