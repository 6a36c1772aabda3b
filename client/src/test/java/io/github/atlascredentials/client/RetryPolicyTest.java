package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exact limits of the retry policy: which answers, how many attempts, how much waiting. */
class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.of(3, Duration.ofSeconds(10), Duration.ofSeconds(2));

    @Test
    void defaultsAndNone() {
        assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(3);
        assertThat(RetryPolicy.defaults().maxTotalWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryPolicy.defaults().delayBeforeNextAttempt(1, Duration.ZERO, 429, null))
                .contains(Duration.ofSeconds(1));
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.none().delayBeforeNextAttempt(1, Duration.ZERO, 429, "0"))
                .isEmpty();
        assertThat(RetryPolicy.defaults().toString())
                .isEqualTo("RetryPolicy[maxAttempts=3, maxTotalWait=PT30S, backoffWithoutRetryAfter=PT1S]");
    }

    @Test
    void atLeastOneAttemptAndNoNulls() {
        assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttempts must be at least 1");
        assertThat(RetryPolicy.of(1, Duration.ZERO, Duration.ZERO).maxAttempts())
                .isEqualTo(1);
        assertThatThrownBy(() -> RetryPolicy.of(1, null, Duration.ZERO))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("maxTotalWait");
        assertThatThrownBy(() -> RetryPolicy.of(1, Duration.ZERO, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("backoff");
    }

    @Test
    void onlyRefusalsAreRetried() {
        assertThat(policy.delayBeforeNextAttempt(1, Duration.ZERO, 429, "1")).contains(Duration.ofSeconds(1));
        assertThat(policy.delayBeforeNextAttempt(1, Duration.ZERO, 503, "1")).contains(Duration.ofSeconds(1));
        for (int status : new int[] {200, 400, 401, 428, 430, 500, 502, 504}) {
            assertThat(policy.delayBeforeNextAttempt(1, Duration.ZERO, status, "1"))
                    .as("status %d", status)
                    .isEmpty();
        }
    }

    @Test
    void attemptsStopAtTheMaximum() {
        assertThat(policy.delayBeforeNextAttempt(2, Duration.ZERO, 429, "1")).isPresent();
        assertThat(policy.delayBeforeNextAttempt(3, Duration.ZERO, 429, "1")).isEmpty();
        assertThat(policy.delayBeforeNextAttempt(4, Duration.ZERO, 429, "1")).isEmpty();
    }

    @Test
    void totalWaitMayReachButNeverPassTheMaximum() {
        assertThat(policy.delayBeforeNextAttempt(1, Duration.ofSeconds(7), 429, "3"))
                .contains(Duration.ofSeconds(3));
        assertThat(policy.delayBeforeNextAttempt(1, Duration.ofSeconds(7).plusMillis(1), 429, "3"))
                .isEmpty();
        assertThat(policy.delayBeforeNextAttempt(1, Duration.ofSeconds(8), 429, null))
                .contains(Duration.ofSeconds(2));
        assertThat(policy.delayBeforeNextAttempt(1, Duration.ofSeconds(9), 429, null))
                .isEmpty();
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(RetryPolicy.parseRetryAfter(null)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(" ")).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(" 7 ")).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.parseRetryAfter("0")).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("-1")).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("soon")).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        Optional<Duration> future = RetryPolicy.parseRetryAfter("Fri, 31 Dec 2100 23:59:59 GMT");
        assertThat(future).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
        assertThat(policy.delayBeforeNextAttempt(1, Duration.ZERO, 503, "soon")).contains(Duration.ofSeconds(2));
    }
}
