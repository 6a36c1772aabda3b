package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_ID;
import static io.github.atlascredentials.emulator.AtlasEmulator.DEMO_CLIENT_SECRET;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture of the black-box tests: one in-process emulator with the demo data per test class, on a random port,
 * back to its demo data before each test, with a fresh token of the demo organization's owner. A new operation's
 * behaviour test extends it instead of repeating the start, stop, reset and request plumbing.
 */
abstract class DemoEmulatorTest {
    static AtlasEmulator emulator;
    static TestHttp http;
    /** A bearer token of the demo organization's owner, fresh for each test. */
    String owner;

    @BeforeAll
    static void startDemoEmulator() {
        emulator = AtlasEmulator.builder().port(0).start();
        http = new TestHttp(emulator.baseUri());
    }

    @AfterAll
    static void stopDemoEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetToDemoData() {
        emulator.reset();
        owner = http.token(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
    }

    /** A request with a bearer token, {@code version} as Accept and, when there is a body, as its Content-Type. */
    static TestHttp.Answer call(TestHttp on, String method, String path, String body, String token, String version) {
        List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token, "Accept", version));
        if (body != null) {
            headers.addAll(List.of("Content-Type", version));
        }
        return on.send(method, path, body, headers.toArray(String[]::new));
    }
}
