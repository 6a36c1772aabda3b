package io.github.atlascredentials.client.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in request log: one line per exchange with method, URL, status, time and the names of
 * the headers sent. Values of credentials and bodies are never logged (bodies may hold secrets);
 * everything written goes through the {@link Redactor} as well.
 */
@Priority(Priorities.USER)
public final class RequestLogFilter implements ClientRequestFilter, ClientResponseFilter {
    /** The java.util.logging logger the lines go to. */
    public static final String LOGGER_NAME = "io.github.atlascredentials.client.requests";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String STARTED = "io.github.atlascredentials.log.started";
    private static final Set<String> SHOWN_HEADERS = Set.of("accept", "content-type", "user-agent");

    private final Redactor redactor;

    public RequestLogFilter(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long t ? (System.nanoTime() - t) / 1_000_000 : -1;
        StringBuilder line = new StringBuilder()
                .append(request.getMethod())
                .append(' ')
                .append(request.getUri())
                .append(" -> ")
                .append(response.getStatus())
                .append(" (")
                .append(millis)
                .append(" ms)");
        Set<String> sent = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sent.addAll(request.getHeaders().keySet());
        line.append(" headers:");
        for (String name : sent) {
            String lower = name.toLowerCase(Locale.ROOT);
            line.append(' ').append(name);
            if (SHOWN_HEADERS.contains(lower)) {
                line.append('=').append(request.getHeaderString(name));
            } else if (lower.equals("authorization")) {
                line.append("=<redacted>");
            }
        }
        LOG.info(redactor.redact(line.toString()));
    }
}
