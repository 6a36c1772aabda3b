package io.github.atlascredentials.emulator.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request as a unit test sends it to the request pipeline's parts, without a server. */
final class TestRequestHead implements RequestHead {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    TestRequestHead(String method, String rawPath, String rawQuery) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
    }

    TestRequestHead header(String name, String... values) {
        headers.put(name.toLowerCase(), List.of(values));
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null ? null : String.join(",", values);
    }

    @Override
    public String firstHeader(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null ? null : values.get(0);
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public String baseUri() {
        return "http://localhost";
    }
}
