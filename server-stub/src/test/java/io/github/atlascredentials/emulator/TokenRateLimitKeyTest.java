package io.github.atlascredentials.emulator;

import static io.github.atlascredentials.emulator.AtlasEmulator.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's limit counts per client id AND caller IP address: the address comes from the
 * Grizzly request, so requests from 127.0.0.2 have their own window (Linux routes all of 127/8 to loopback).
 */
class TokenRateLimitKeyTest {
    static final String SECOND_CLIENT = "mdb_sa_id_bbbbbbbbbbbbbbbbbbbbbbbb";
    static final String SECOND_SECRET = "mdb_sa_sk_" + "b".repeat(40);
    static AtlasEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = AtlasEmulator.builder().port(0).tokenRateLimitPerMinute(3).start();
        emulator.loadSeed(io.github.atlascredentials.emulator.seed.SeedParser.parse(
                "second org", ("""
                {"organizations": [{"id": "bbbbbbbbbbbbbbbbbbbbbbbb",
                  "serviceAccounts": [{"clientId": "%s", "roles": ["ORG_OWNER"],
                    "secrets": [{"secret": "%s", "expiresAt": "2099-01-01T00:00:00Z"}]}]}]}
                """).formatted(SECOND_CLIENT, SECOND_SECRET).getBytes(StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void windowIsPerClientAndPerAddress() throws IOException {
        assumeTrue(canBindTo("127.0.0.2"), "127.0.0.2 is not a local address here");
        for (int i = 0; i < 3; i++) {
            assertThat(tokenStatus("127.0.0.1", DEMO_CLIENT_ID, DEMO_CLIENT_SECRET))
                    .isEqualTo(200);
        }
        String limited = tokenResponse("127.0.0.1", DEMO_CLIENT_ID, DEMO_CLIENT_SECRET);
        assertThat(limited).startsWith("HTTP/1.1 429").contains("Retry-After: ").contains("\"RATE_LIMITED\"");
        // Same client, other address: its own window.
        assertThat(tokenStatus("127.0.0.2", DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)).isEqualTo(200);
        // Same address, other client: its own window.
        assertThat(tokenStatus("127.0.0.1", SECOND_CLIENT, SECOND_SECRET)).isEqualTo(200);
        // The first pair stays limited.
        assertThat(tokenStatus("127.0.0.1", DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)).isEqualTo(429);
        assertThat(tokenStatus("127.0.0.2", DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)).isEqualTo(200);
        assertThat(tokenStatus("127.0.0.2", DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)).isEqualTo(200);
        assertThat(tokenStatus("127.0.0.2", DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)).isEqualTo(429);
    }

    private static int tokenStatus(String from, String clientId, String secret) throws IOException {
        return Integer.parseInt(tokenResponse(from, clientId, secret).substring(9, 12));
    }

    /** One HTTP/1.1 token request over a socket whose local address is {@code from}. */
    private static String tokenResponse(String from, String clientId, String secret) throws IOException {
        String body = "grant_type=client_credentials";
        String request = "POST /api/oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: " + TestHttp.basic(clientId, secret) + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body;
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean canBindTo(String address) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
