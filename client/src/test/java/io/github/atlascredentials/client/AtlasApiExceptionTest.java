package io.github.atlascredentials.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exception a caller inspects: what the builder was given, rate limiting and how long to wait. */
class AtlasApiExceptionTest {

    @Test
    void builderCallsChainAndAllReachTheException() {
        AtlasApiException e = AtlasApiException.builder(400)
                .errorCode("INVALID_ATTRIBUTE")
                .reason("Bad Request")
                .detail("d")
                .parameters(Arrays.asList("a", null, 3))
                .fieldErrors(List.of(new FieldError("f", "r")))
                .headers(Map.of("X-Id", List.of("1")))
                .build();
        assertThat(e.errorCode()).contains("INVALID_ATTRIBUTE");
        assertThat(e.parameters())
                .as("a null parameter reads as the text the service sent")
                .containsExactly("a", "null", 3);
        assertThat(e.fieldErrors()).containsExactly(new FieldError("f", "r"));
        assertThat(e.header("x-id")).contains("1");
        assertThat(e.getMessage()).isEqualTo("HTTP 400 INVALID_ATTRIBUTE: d [f: r]");
    }

    @Test
    void onlyA429IsRateLimited() {
        assertThat(AtlasApiException.builder(429).build().isRateLimited()).isTrue();
        assertThat(AtlasApiException.builder(503).build().isRateLimited()).isFalse();
        assertThat(AtlasApiException.builder(400).build().isRateLimited()).isFalse();
    }

    @Test
    void tokenBucketAnswerGivesTheWaitInItsSecondParameterIfThereIsNoHeader() {
        assertThat(bucket(Arrays.asList("/api/atlas/v2/orgs", 0, 100, 10, 60)).retryAfter())
                .contains(Duration.ZERO);
        assertThat(bucket(Arrays.asList("/api/atlas/v2/orgs", 7)).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(bucket(Arrays.asList("/api/atlas/v2/orgs", -1)).retryAfter()).isEmpty();
        assertThat(bucket(Arrays.asList("/api/atlas/v2/orgs")).retryAfter()).isEmpty();
        assertThat(bucket(List.of()).retryAfter()).isEmpty();
    }

    private static AtlasApiException bucket(List<Object> parameters) {
        return AtlasApiException.builder(429)
                .errorCode(RetryPolicy.RATE_LIMITED_TOKEN_BUCKET)
                .parameters(parameters)
                .build();
    }
}
