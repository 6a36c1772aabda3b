package io.github.atlascredentials.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When to send a request again. Only answers the service refused before acting on them are
 * retried: 429 (the Atlas v2 {@code RATE_LIMITED_TOKEN_BUCKET} and the older {@code RATE_LIMITED}),
 * 503, and 409 {@code DATA_CONCURRENCY_ERROR} (another secret of the same account was being created;
 * nothing was created), after {@code Retry-After} (seconds or an HTTP date; for the token bucket,
 * its {@code retryAfter} parameter when the header is missing) or a fixed backoff. Attempts and
 * total waiting are capped. I/O errors are never retried, since a create may have been applied.
 * Immutable.
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    /** The Atlas v2 rate limit's errorCode (the rate-limit documentation). */
    static final String RATE_LIMITED_TOKEN_BUCKET = "RATE_LIMITED_TOKEN_BUCKET";
    /** Two creates for one service account at once (the Terraform rotation guide). */
    static final String DATA_CONCURRENCY_ERROR = "DATA_CONCURRENCY_ERROR";

    private final int maxAttempts;
    private final Duration maxTotalWait;
    private final Duration backoffWithoutRetryAfter;

    private RetryPolicy(int maxAttempts, Duration maxTotalWait, Duration backoffWithoutRetryAfter) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.maxTotalWait = Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        this.backoffWithoutRetryAfter = Objects.requireNonNull(backoffWithoutRetryAfter, "backoff");
    }

    /** 3 attempts, at most 30 s of waiting in total, 1 s when no {@code Retry-After} is given. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * @param maxAttempts attempts in all, the first included
     * @param maxTotalWait the most time spent waiting between attempts of one call
     * @param backoffWithoutRetryAfter the wait when a 429/503 names none
     */
    public static RetryPolicy of(int maxAttempts, Duration maxTotalWait, Duration backoffWithoutRetryAfter) {
        return new RetryPolicy(maxAttempts, maxTotalWait, backoffWithoutRetryAfter);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration maxTotalWait() {
        return maxTotalWait;
    }

    /**
     * The wait before the next attempt, or empty when the answer must be given to the caller.
     *
     * @param attemptsMade attempts already sent
     * @param waitedSoFar time already spent waiting for this call
     * @param status the status of the last answer
     * @param retryAfter its {@code Retry-After} header, or null
     */
    public Optional<Duration> delayBeforeNextAttempt(
            int attemptsMade, Duration waitedSoFar, int status, String retryAfter) {
        return delayBeforeNextAttempt(attemptsMade, waitedSoFar, status, retryAfter, null);
    }

    /**
     * As {@link #delayBeforeNextAttempt(int, Duration, int, String)}, knowing the answer's
     * {@code errorCode} (may be null): a 409 is retried only when it is {@code DATA_CONCURRENCY_ERROR}.
     */
    public Optional<Duration> delayBeforeNextAttempt(
            int attemptsMade, Duration waitedSoFar, int status, String retryAfter, String errorCode) {
        boolean refused = status == 429 || status == 503 || (status == 409 && DATA_CONCURRENCY_ERROR.equals(errorCode));
        if (!refused || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = parseRetryAfter(retryAfter).orElse(backoffWithoutRetryAfter);
        if (waitedSoFar.plus(delay).compareTo(maxTotalWait) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", maxTotalWait=" + maxTotalWait
                + ", backoffWithoutRetryAfter=" + backoffWithoutRetryAfter + "]";
    }
}
