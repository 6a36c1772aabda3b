package io.github.atlascredentials.emulator.http;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.util.MimeHeaders;

/** A Grizzly request as the request steps read it. Confined to the request's thread. */
final class GrizzlyRequestHead implements RequestHead {
    private final Request request;

    GrizzlyRequestHead(Request request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.getMethod().getMethodString();
    }

    @Override
    public String rawPath() {
        return request.getRequestURI();
    }

    @Override
    public String rawQuery() {
        return request.getQueryString();
    }

    /** Every value of the header, read from Grizzly's header table directly (no iterator, no copy per name). */
    @Override
    public String header(String name) {
        MimeHeaders headers = request.getRequest().getHeaders();
        String first = null;
        StringBuilder joined = null;
        for (int i = 0; i < headers.size(); i++) {
            if (headers.getName(i).equalsIgnoreCase(name)) {
                String value = headers.getValue(i).toString();
                if (first == null) {
                    first = value;
                } else {
                    if (joined == null) {
                        joined = new StringBuilder(first);
                    }
                    joined.append(',').append(value);
                }
            }
        }
        return joined == null ? first : joined.toString();
    }

    @Override
    public String firstHeader(String name) {
        MimeHeaders headers = request.getRequest().getHeaders();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.getName(i).equalsIgnoreCase(name)) {
                return headers.getValue(i).toString();
            }
        }
        return null;
    }

    @Override
    public InputStream body() {
        return request.getInputStream();
    }

    @Override
    public String remoteAddress() {
        return request.getRemoteAddr();
    }

    @Override
    public String baseUri() {
        return baseUri(request);
    }

    /** The last valid base URI: a server answers one host name nearly always, so it is built once, not per request. */
    private record HostBase(String scheme, String host, int port, String baseUri) {}

    private static volatile HostBase last;

    /** As Jersey's container built it: scheme, the Host header's name and port; null when they form no URI. */
    static String baseUri(Request request) {
        String scheme = request.getScheme();
        String host = request.getServerName();
        int port = request.getServerPort();
        HostBase cached = last;
        if (cached != null
                && cached.port() == port
                && cached.host().equals(host)
                && cached.scheme().equals(scheme)) {
            return cached.baseUri();
        }
        try {
            String uri = new URI(scheme, null, host, port, "/", null, null).toString();
            String base = uri.substring(0, uri.length() - 1);
            last = new HostBase(scheme, host, port, base);
            return base;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
