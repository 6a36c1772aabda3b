package io.github.atlascredentials.client.support;

import java.util.List;
import java.util.Map;

/** One request exactly as the test server received it. */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, String body) {
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean isTokenRequest() {
        return path.equals("/api/oauth/token");
    }

    public boolean isRevokeRequest() {
        return path.equals("/api/oauth/revoke");
    }

    public boolean isApiRequest() {
        return path.startsWith("/api/atlas/") || path.startsWith("/api/public/");
    }
}
