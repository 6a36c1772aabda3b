package io.github.atlascredentials.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The service answered with an error: Atlas-shaped ({@code errorCode}, {@code detail}, ...),
 * OAuth-shaped ({@code error} becomes {@link #errorCode()}), or not JSON at all (a proxy's page).
 */
public final class AtlasApiException extends AtlasClientException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorCode;
    private final String reason;
    private final String detail;
    private final transient List<Object> parameters;
    private final transient List<FieldError> fieldErrors;
    private final transient Map<String, List<String>> headers;

    private AtlasApiException(Builder b) {
        super(message(b), null);
        this.status = b.status;
        this.errorCode = b.errorCode;
        this.reason = b.reason;
        this.detail = b.detail;
        this.parameters = List.copyOf(b.parameters);
        this.fieldErrors = List.copyOf(b.fieldErrors);
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.headers.forEach((name, values) -> {
            if (name != null && !isSensitiveHeader(name)) {
                copy.put(name, List.copyOf(values));
            }
        });
        this.headers = Collections.unmodifiableMap(copy);
    }

    private static boolean isSensitiveHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("authorization") || lower.equals("set-cookie") || lower.equals("proxy-authorization");
    }

    private static String message(Builder b) {
        StringBuilder sb = new StringBuilder("HTTP ").append(b.status);
        if (b.errorCode != null) {
            sb.append(' ').append(b.errorCode);
        } else if (b.reason != null) {
            sb.append(' ').append(b.reason);
        }
        if (b.detail != null && !b.detail.isBlank()) {
            sb.append(": ").append(b.detail);
        }
        if (!b.fieldErrors.isEmpty()) {
            sb.append(' ').append(b.fieldErrors);
        }
        return sb.toString();
    }

    /** The HTTP status of the answer (after unwrapping an envelope). */
    public int status() {
        return status;
    }

    /** Atlas {@code errorCode}, or the OAuth {@code error}; empty for a non-JSON body. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The HTTP reason phrase. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** Atlas {@code detail}, OAuth {@code error_description}, or a short excerpt of a non-JSON body. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** Atlas {@code parameters} (strings or numbers). */
    public List<Object> parameters() {
        return parameters;
    }

    /** Atlas {@code badRequestDetail.fields}. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Response headers, names case-insensitive; never credentials or cookies. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a response header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** True when the service answered with this {@code errorCode} (or OAuth {@code error}). */
    /** True for 429: a rate limit refused the request before the service acted on it. */
    public boolean isRateLimited() {
        return status == 429;
    }

    /**
     * How long the service asked to wait: its {@code Retry-After} header (seconds), or else the
     * {@code retryAfter} parameter of a {@code RATE_LIMITED_TOKEN_BUCKET} answer
     * ({@code [path, retryAfter, capacity, refill, seconds]}).
     */
    public Optional<Duration> retryAfter() {
        Optional<Duration> fromHeader = header("Retry-After").flatMap(RetryPolicy::parseRetryAfter);
        if (fromHeader.isPresent()) {
            return fromHeader;
        }
        if (isErrorCode(RetryPolicy.RATE_LIMITED_TOKEN_BUCKET)
                && parameters.size() > 1
                && parameters.get(1) instanceof Number seconds
                && seconds.longValue() >= 0) {
            return Optional.of(Duration.ofSeconds(seconds.longValue()));
        }
        return Optional.empty();
    }

    public boolean isErrorCode(String code) {
        return code != null && code.equals(errorCode);
    }

    public static Builder builder(int status) {
        return new Builder(status);
    }

    /** Assembles an exception; used by the client when it reads an error answer. */
    public static final class Builder {
        private final int status;
        private String errorCode;
        private String reason;
        private String detail;
        private List<Object> parameters = List.of();
        private List<FieldError> fieldErrors = List.of();
        private Map<String, List<String>> headers = Map.of();

        private Builder(int status) {
            this.status = status;
        }

        public Builder errorCode(String value) {
            this.errorCode = value;
            return this;
        }

        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        public Builder detail(String value) {
            this.detail = value;
            return this;
        }

        public Builder parameters(List<Object> value) {
            this.parameters = value == null ? List.of() : new ArrayList<>(value);
            this.parameters.replaceAll(p -> p == null ? "null" : p);
            return this;
        }

        public Builder fieldErrors(List<FieldError> value) {
            this.fieldErrors = value == null ? List.of() : value;
            return this;
        }

        public Builder headers(Map<String, List<String>> value) {
            this.headers = value == null ? Map.of() : value;
            return this;
        }

        public AtlasApiException build() {
            return new AtlasApiException(this);
        }
    }
}
