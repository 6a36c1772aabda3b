package io.github.atlascredentials.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each part of a request's data is set once, by one step: a second set fails instead of overwriting. */
class ApiRequestTest {
    static Stream<Arguments> parts() {
        return Stream.of(
                Arguments.of("body", (Consumer<ApiRequest>) r -> r.body(new byte[] {'{', '}'})),
                Arguments.of("json", (Consumer<ApiRequest>) r -> r.json(Json.MAPPER.createObjectNode())),
                Arguments.of("responseMediaType", (Consumer<ApiRequest>) r -> r.responseMediaType("application/json")),
                Arguments.of("principal", (Consumer<ApiRequest>) r -> r.principal(null)),
                Arguments.of("organization", (Consumer<ApiRequest>) r -> r.organization(null)),
                Arguments.of("client", (Consumer<ApiRequest>) r -> r.client(null)),
                Arguments.of("form", (Consumer<ApiRequest>)
                        r -> r.form(Map.of("grant_type", List.of("client_credentials")))),
                Arguments.of("rateLimit", (Consumer<ApiRequest>)
                        r -> r.rateLimit(new FixedWindowRateLimiter.Decision(true, 1, 0, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parts")
    void aSecondSetFails(String part, Consumer<ApiRequest> set) {
        ApiRequest request = newRequest();
        set.accept(request);
        assertThatThrownBy(() -> set.accept(request))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(part);
    }

    @Test
    void everyPartSetOnceIsKept() {
        ApiRequest request = newRequest();
        parts().forEach(part -> ((Consumer<ApiRequest>) part.get()[1]).accept(request));
        assertThat(new String(request.body())).isEqualTo("{}");
        assertThat(request.json().isObject()).isTrue();
        assertThat(request.responseMediaType()).isEqualTo("application/json");
        assertThat(request.rateLimit().allowed()).isTrue();
        assertThat(request.form()).containsEntry("grant_type", List.of("client_credentials"));
    }

    @Test
    void aRepeatedContentTypeIsReadAsItsFirstValueAndTheHeadersStayAsSent() {
        TestRequestHead head = new TestRequestHead("POST", "/api", null)
                .header("Content-Type", "application/json; charset=utf-8", "text/plain");
        ApiRequest request = ApiRequest.begin(head, null, null);
        assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8,text/plain");
    }

    @Test
    void aResourceMethodSeesTheRequestItServesAndNoneAfterwards() {
        ApiRequest request = newRequest();
        assertThat(request.serve(ApiRequest::current)).isSameAs(request);
        assertThatThrownBy(ApiRequest::current).isInstanceOf(IllegalStateException.class);
    }

    private static ApiRequest newRequest() {
        return ApiRequest.begin(new TestRequestHead("POST", "/api", null), null, null);
    }
}
