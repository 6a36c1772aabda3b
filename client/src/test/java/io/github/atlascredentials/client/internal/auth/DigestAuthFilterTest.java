package io.github.atlascredentials.client.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.internal.RequestProperties;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The filter on its own, with hand-made request and response contexts: the first request to a host
 * goes unauthorized, concurrent ones wait for its challenge (not for a timer), one nonce serves a
 * whole host, and a refusal of the credentials themselves is not repeated.
 */
class DigestAuthFilterTest {
    private static final ApiKeyCredential KEY = ApiKeyCredential.of("zmmrboas", "0d7e4a5c-1b2f-4c3d-9e8f-db2c132ca78d");
    private static final String CHALLENGE =
            "Digest realm=\"MMS Public API\", nonce=\"n1\", algorithm=MD5, qop=\"auth\", opaque=\"o1\"";

    private final DigestAuthFilter filter = new DigestAuthFilter(KEY, Duration.ofMinutes(5));

    @Test
    void concurrentFirstRequestWaitsForTheFirstChallengeAndIsReleasedByIt() throws Exception {
        Request first = new Request("POST", "http://h:1/api/a");
        filter.filter(first.context());
        assertThat(first.headers).doesNotContainKey(HttpHeaders.AUTHORIZATION);

        Request second = new Request("POST", "http://h:1/api/b?x=1");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                filter.filter(second.context());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        waiter.start();
        awaitBlockedInLatch(waiter);

        first.properties.put(RequestProperties.REPLAYED, Boolean.TRUE); // keeps the filter from repeating it here
        filter.filter(first.context(), response(401, CHALLENGE));
        waiter.join();
        assertThat(failure.get()).isNull();
        String sent = second.headers.getFirst(HttpHeaders.AUTHORIZATION).toString();
        assertThat(sent)
                .startsWith("Digest username=\"zmmrboas\"")
                .contains("nonce=\"n1\"", "uri=\"/api/b?x=1\"", "nc=00000001")
                .endsWith("opaque=\"o1\"");
    }

    @Test
    void oneNoncePerHostWhateverThePathAndAnotherHostStartsOver() throws Exception {
        Request first = new Request("GET", "http://h:1/one");
        filter.filter(first.context());
        first.properties.put(RequestProperties.REPLAYED, Boolean.TRUE);
        filter.filter(first.context(), response(401, CHALLENGE));
        Request other = new Request("GET", "http://h:1/two/three");
        filter.filter(other.context());
        assertThat(other.headers.getFirst(HttpHeaders.AUTHORIZATION).toString())
                .contains("uri=\"/two/three\"", "nc=00000001");
        Request root = new Request("GET", "http://h:1");
        filter.filter(root.context());
        assertThat(root.headers.getFirst(HttpHeaders.AUTHORIZATION).toString()).contains("uri=\"/\"", "nc=00000002");
        Request otherPort = new Request("GET", "http://h:2/one");
        filter.filter(otherPort.context());
        assertThat(otherPort.headers).doesNotContainKey(HttpHeaders.AUTHORIZATION);
    }

    @Test
    void refusedCredentialsAreNotRepeatedAndSkippedOrPreAuthorizedRequestsAreLeftAlone() throws Exception {
        Request first = new Request("GET", "http://h:1/one");
        filter.filter(first.context());
        first.properties.put(RequestProperties.REPLAYED, Boolean.TRUE);
        filter.filter(first.context(), response(401, CHALLENGE));

        Request refused = new Request("GET", "http://h:1/two");
        filter.filter(refused.context());
        // Not stale: the credentials themselves were refused, so no repeat (which would need more of the context).
        filter.filter(refused.context(), response(401, CHALLENGE.replace("n1", "n2")));
        Request next = new Request("GET", "http://h:1/three");
        filter.filter(next.context());
        assertThat(next.headers.getFirst(HttpHeaders.AUTHORIZATION).toString()).contains("nonce=\"n2\"");

        Request skipped = new Request("GET", "http://h:1/x");
        skipped.properties.put(RequestProperties.SKIP_AUTH, Boolean.TRUE);
        filter.filter(skipped.context());
        filter.filter(skipped.context(), response(401, CHALLENGE.replace("n1", "n3")));
        assertThat(skipped.headers).doesNotContainKey(HttpHeaders.AUTHORIZATION);
        Request preAuthorized = new Request("GET", "http://h:1/y");
        preAuthorized.headers.putSingle(HttpHeaders.AUTHORIZATION, "Basic abc");
        filter.filter(preAuthorized.context());
        assertThat(preAuthorized.headers.get(HttpHeaders.AUTHORIZATION)).containsExactly("Basic abc");
        Request after = new Request("GET", "http://h:1/z");
        filter.filter(after.context());
        assertThat(after.headers.getFirst(HttpHeaders.AUTHORIZATION).toString())
                .as("a skipped request's challenge is ignored")
                .contains("nonce=\"n2\"");
    }

    @Test
    void answersWithoutADigestChallengeKeepTheCurrentOne() throws Exception {
        Request first = new Request("GET", "http://h:1/one");
        filter.filter(first.context());
        first.properties.put(RequestProperties.REPLAYED, Boolean.TRUE);
        filter.filter(first.context(), response(401, CHALLENGE));
        Request ok = new Request("GET", "http://h:1/two");
        filter.filter(ok.context());
        filter.filter(ok.context(), response(200, "Digest nonce=\"n9\""));
        filter.filter(ok.context(), response(401, null));
        filter.filter(ok.context(), response(401, "Basic realm=\"x\""));
        Request next = new Request("GET", "http://h:1/three");
        filter.filter(next.context());
        assertThat(next.headers.getFirst(HttpHeaders.AUTHORIZATION).toString()).contains("nonce=\"n1\"");
        assertThat(filter.toString()).doesNotContain(KEY.privateKey());
    }

    private static void awaitBlockedInLatch(Thread thread) {
        while (Arrays.stream(thread.getStackTrace())
                .noneMatch(f -> f.getClassName().startsWith("java.util.concurrent.CountDownLatch"))) {
            assertThat(thread.isAlive())
                    .as("the second request waits for the first challenge")
                    .isTrue();
            Thread.onSpinWait();
        }
    }

    private static ClientResponseContext response(int status, String challenge) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (challenge != null) {
            headers.put(HttpHeaders.WWW_AUTHENTICATE, List.of("Bearer realm=\"x\"", challenge));
        }
        return (ClientResponseContext) Proxy.newProxyInstance(
                DigestAuthFilterTest.class.getClassLoader(),
                new Class<?>[] {ClientResponseContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getStatus" -> status;
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The parts of a request context the filter reads and writes. */
    private static final class Request {
        final String method;
        final URI uri;
        final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        final Map<String, Object> properties = new HashMap<>();

        Request(String method, String uri) {
            this.method = method;
            this.uri = URI.create(uri);
        }

        ClientRequestContext context() {
            return (ClientRequestContext) Proxy.newProxyInstance(
                    DigestAuthFilterTest.class.getClassLoader(),
                    new Class<?>[] {ClientRequestContext.class},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getUri" -> uri;
                        case "getHeaders" -> headers;
                        case "getProperty" -> properties.get((String) args[0]);
                        case "setProperty" -> properties.put((String) args[0], args[1]);
                        case "removeProperty" -> properties.remove((String) args[0]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
