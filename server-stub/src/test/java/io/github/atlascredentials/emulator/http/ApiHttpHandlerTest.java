package io.github.atlascredentials.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests leave the API's path for the test-support handler, and when that handler is built. */
class ApiHttpHandlerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/_emulator/health, true",
        "/_emulator, true",
        "//_EMULATOR/state, true",
        "/%5Femulator/health, true",
        "/_emulator;v=1/health, true",
        "/_emulatorx, true",
        "/api/atlas/v2/orgs/x/apiKeys, false",
        "/api/_emulator, false",
        "/, false",
        "/%zz/health, false",
        "'?envelope=%', false",
        "'', false",
        "/apiX/_emulator, false"
    })
    void theTestSupportPathsAreThoseTheGuardAnswersFor(String rawPath, boolean testSupport) {
        assertThat(ApiHttpHandler.isTestSupportPath(rawPath)).isEqualTo(testSupport);
    }

    @Test
    void theLazyHandlerIsBuiltOnItsFirstRequestOnlyAndDestroyedWithTheServer() throws Exception {
        AtomicInteger built = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicInteger destroyed = new AtomicInteger();
        LazyHttpHandler lazy = new LazyHttpHandler("probe", () -> {
            built.incrementAndGet();
            return new HttpHandler() {
                @Override
                public void service(Request request, Response response) {
                    served.incrementAndGet();
                }

                @Override
                public void destroy() {
                    destroyed.incrementAndGet();
                }
            };
        });
        lazy.start();
        assertThat(built).hasValue(0);
        lazy.service(null, null);
        lazy.service(null, null);
        assertThat(built).hasValue(1);
        assertThat(served).hasValue(2);
        lazy.destroy();
        assertThat(destroyed).hasValue(1);
        assertThatThrownBy(() -> lazy.service(null, null)).isInstanceOf(IllegalStateException.class);
        assertThat(built).hasValue(1);
    }

    @Test
    void aLazyHandlerNeverUsedIsNeverBuilt() {
        AtomicInteger built = new AtomicInteger();
        LazyHttpHandler lazy = new LazyHttpHandler("probe", () -> {
            built.incrementAndGet();
            throw new AssertionError("built");
        });
        lazy.start();
        lazy.destroy();
        assertThat(built).hasValue(0);
    }
}
