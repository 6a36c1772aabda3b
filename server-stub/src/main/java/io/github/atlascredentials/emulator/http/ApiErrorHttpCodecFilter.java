package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.emulator.generated.errors.ErrorCode;
import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Grizzly's HTTP/1.1 codec, changed in three ways. (1) What it refuses itself, before any handler runs
 * (a head over the size limit, a broken Content-Length or chunk size, a missing Host, an unknown HTTP
 * version...), is answered with a 400 {@code ApiError} JSON instead of an empty 400 or 505. (2) The
 * body of a TRACE request is read (and then skipped) instead of being parsed as the next request on
 * the connection, which desynchronized kept-alive connections. (3) A 204 keeps the {@code Content-Type} the
 * application set: Grizzly drops it on answers without a body, but the official spec declares the versioned
 * media type on the 204 of the Atlas deletes.
 */
final class ApiErrorHttpCodecFilter extends HttpServerFilter {
    private static final String CAUSE = ApiErrorHttpCodecFilter.class.getName() + ".cause";

    private final int maxHeadBytes;
    private final String serviceVersion;

    @SuppressWarnings("deprecation") // the only constructor that takes every setting the listener has
    ApiErrorHttpCodecFilter(NetworkListener listener, int maxHeadBytes, String serviceVersion) {
        super(
                listener.isChunkingEnabled(),
                maxHeadBytes,
                null,
                listener.getKeepAlive(),
                null,
                listener.getMaxRequestHeaders(),
                listener.getMaxResponseHeaders());
        this.maxHeadBytes = maxHeadBytes;
        this.serviceVersion = serviceVersion;
    }

    /** Takes over the settings the server gave the codec this filter replaces. */
    void copySettingsOf(HttpServerFilter original) {
        for (var encoding : original.getContentEncodings()) {
            addContentEncoding(encoding);
        }
        setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
        setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
        setPreserveHeaderCase(original.isPreserveHeaderCase());
        setRemoveHandledContentEncodingHeaders(original.isRemoveHandledContentEncodingHeaders());
        getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
    }

    /** Called after the status line and before the headers are written: the last moment to add one. */
    @Override
    protected void onInitialLineEncoded(HttpHeader header, FilterChainContext ctx) {
        super.onInitialLineEncoded(header, ctx);
        if (header instanceof HttpResponsePacket response
                && response.getStatus() == 204
                && response.getContentType() != null
                && !response.getHeaders().contains(Header.ContentType)) {
            response.getHeaders().setValue(Header.ContentType).setString(response.getContentType());
        }
    }

    @Override
    protected boolean onHttpHeaderParsed(HttpHeader httpHeader, Buffer buffer, FilterChainContext ctx) {
        if (httpHeader instanceof HttpRequestPacket request && isHttp09(request)) {
            // A request line without a version is HTTP/0.9, whose answers Grizzly writes without any
            // header (no status line semantics, no Content-Type): refuse it as malformed instead.
            request.setAttribute(CAUSE, "the request line has no HTTP version; send HTTP/1.1.");
            request.setProtocol(Protocol.HTTP_1_1);
            return true;
        }
        boolean error = super.onHttpHeaderParsed(httpHeader, buffer, ctx);
        if (!error
                && httpHeader instanceof HttpRequestPacket request
                && !request.isExpectContent()
                && !request.isIgnoreContentModifiers()
                && request.getMethod().getPayloadExpectation() == Method.PayloadExpectation.NOT_ALLOWED
                && (request.getContentLength() > 0 || request.isChunked())) {
            request.setExpectContent(true);
        }
        return error;
    }

    private static boolean isHttp09(HttpRequestPacket request) {
        try {
            return request.getProtocol() == Protocol.HTTP_0_9;
        } catch (IllegalStateException unknownVersion) {
            return false; // answered by Grizzly's own version check, then customizeErrorResponse
        }
    }

    @Override
    protected void onHttpHeaderError(HttpHeader httpHeader, FilterChainContext ctx, Throwable t) throws IOException {
        if (httpHeader instanceof HttpRequestPacket request
                && t != null
                && t.getMessage() != null
                && t.getMessage().contains("too large")) {
            request.setAttribute(CAUSE, "the request line and headers exceed " + maxHeadBytes + " bytes.");
        }
        super.onHttpHeaderError(httpHeader, ctx, t);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
        HttpRequestPacket request = response.getRequest();
        String detail = "the request line, headers or framing are malformed.";
        if (response.getStatus() == 505) {
            detail = "the HTTP version is not supported; send HTTP/1.1.";
        } else if (request != null && request.getAttribute(CAUSE) instanceof String cause) {
            detail = cause;
        }
        if (request != null) {
            try {
                request.getProtocol();
            } catch (IllegalStateException unknownVersion) {
                request.setProtocol(Protocol.HTTP_1_1); // else the answer itself cannot be written
            }
        }
        return GrizzlyErrorAnswers.packet(response, ApiProblem.of(ErrorCode.INVALID_REQUEST, detail), serviceVersion);
    }
}
