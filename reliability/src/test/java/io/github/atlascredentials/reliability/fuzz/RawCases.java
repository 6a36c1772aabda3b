package io.github.atlascredentials.reliability.fuzz;

import io.github.atlascredentials.reliability.support.Seed;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Requests only a raw socket can send: broken escapes, raw bytes, contradictory framing. */
final class RawCases {
    private RawCases() {}

    /** A raw request; {@code framed} when it is well-formed HTTP/1.1 framing (an answer is then required). */
    record RawCase(String name, byte[] bytes, boolean framed) {
        @Override
        public String toString() {
            return "RawCase[" + name + ", " + bytes.length + " bytes]";
        }
    }

    static Arbitrary<RawCase> cases(String host) {
        Arbitrary<String> targets = Arbitraries.of(
                Seed.orgSecretPath("%ZZ", Seed.ADMIN_A),
                Seed.orgSecretPath(Seed.ORG_A, "%"),
                Seed.apiKeysPath(Seed.ORG_A) + "?envelope=%ZZ",
                Seed.apiKeysPath(Seed.ORG_A) + "?pageNum=%",
                Seed.apiKeysPath("\u00ff\u00fe"),
                Seed.orgSecretPath("{orgId}", "{clientId}"),
                Seed.orgSecretPath(Seed.ORG_A, Seed.ADMIN_A) + "/",
                Seed.cloudManagerSecretPath(Seed.ORG_A, Seed.target(5)).replaceAll("/$", ""),
                Seed.orgSecretPath(Seed.ORG_A + "|", "a^b`c"),
                Seed.apiKeysPath(Seed.ORG_A) + "#frag",
                Seed.apiKeysPath(Seed.ORG_A) + "?%",
                Seed.apiKeysPath(Seed.ORG_A) + "?=&=&",
                "/api/oauth/token?%ZZ",
                "/api/oauth/token/%",
                "*",
                "http://127.0.0.1" + Seed.apiKeysPath(Seed.ORG_A),
                "/%00",
                "/..%2f..%2f",
                "/api/atlas/v2/orgs/" + Seed.ORG_A + "/serviceAccounts/" + Seed.ADMIN_A + "/secrets?pretty=%E0%A4%A",
                "/api/public/v1.0/orgs/{x}/apiKeys",
                "/api/public/v1.0/orgs/" + Seed.ORG_A + "/apiKeys?envelope={x}");
        Arbitrary<String> headerValues = Arbitraries.of(
                "application/json",
                "application/\u00e9json",
                "application/json\u00ff",
                "Bearer \u00ff\u00fe\u00fd",
                "Digest username=\"\u00e9\"",
                "application/vnd.atlas.2024-08-05+json\u0080");
        Arbitrary<String> bodies = Arbitraries.of(
                "{\"secretExpiresAfterHours\":8}",
                "{\"desc\":\"k\",\"roles\":[\"ORG_OWNER\"]}",
                "grant_type=client_credentials",
                "",
                "{\"desc\":\"\u00ff\",\"roles\":[\"ORG_OWNER\"]}");
        Arbitrary<RawCase> framed = Combinators.combine(
                        Arbitraries.of("POST", "GET", "PUT"), targets, headerValues, bodies)
                .as((method, target, value, body) -> {
                    byte[] b = body.getBytes(StandardCharsets.ISO_8859_1);
                    return new RawCase(
                            "framed " + method + " " + target + " / " + value,
                            request(
                                    method + " " + target + " HTTP/1.1",
                                    "Host: " + host,
                                    "Content-Type: " + value,
                                    "Accept: " + value,
                                    "Authorization: " + value,
                                    "Content-Length: " + b.length,
                                    "Connection: close",
                                    "",
                                    body),
                            true);
                });
        String path = Seed.apiKeysPath(Seed.ORG_A);
        String body = "{\"desc\":\"k\",\"roles\":[\"ORG_OWNER\"]}";
        Arbitrary<RawCase> framing = Arbitraries.of(
                new RawCase(
                        "length abc",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Content-Length: abc",
                                "Connection: close",
                                "",
                                body),
                        false),
                new RawCase(
                        "length -1",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Content-Length: -1",
                                "Connection: close",
                                "",
                                body),
                        false),
                new RawCase(
                        "length huge",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Content-Length: 99999999999999999999",
                                "Connection: close",
                                "",
                                body),
                        false),
                new RawCase(
                        "length 100000 declared",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Content-Length: 100000",
                                "Connection: close",
                                "",
                                body),
                        true),
                new RawCase(
                        "length larger than body",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Content-Length: 500",
                                "Connection: close",
                                "",
                                body),
                        false),
                new RawCase(
                        "two lengths",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Content-Length: 5",
                                "Content-Length: " + body.length(),
                                "Connection: close",
                                "",
                                body),
                        false),
                new RawCase(
                        "chunked",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Transfer-Encoding: chunked",
                                "Connection: close",
                                "",
                                Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n"),
                        true),
                new RawCase(
                        "chunked bad size",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Transfer-Encoding: chunked",
                                "Connection: close",
                                "",
                                "zz\r\n" + body + "\r\n0\r\n\r\n"),
                        false),
                new RawCase(
                        "chunked oversize",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Transfer-Encoding: chunked",
                                "Connection: close",
                                "",
                                ("4000\r\n" + "x".repeat(0x4000) + "\r\n").repeat(5) + "0\r\n\r\n"),
                        true),
                new RawCase(
                        "chunked and length",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Transfer-Encoding: chunked",
                                "Content-Length: 3",
                                "Connection: close",
                                "",
                                "0\r\n\r\n"),
                        false),
                new RawCase(
                        "gzip encoding",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Content-Encoding: gzip",
                                "Content-Length: " + body.length(),
                                "Connection: close",
                                "",
                                body),
                        true),
                new RawCase(
                        "http/1.0 no host",
                        request(
                                "POST " + path + " HTTP/1.0",
                                "Content-Type: application/json",
                                "Content-Length: " + body.length(),
                                "",
                                body),
                        true),
                new RawCase(
                        "http/9.9",
                        request("POST " + path + " HTTP/9.9", "Host: " + host, "Content-Length: 0", "", ""),
                        false),
                new RawCase("no version", request("POST " + path, "Host: " + host, "", ""), false),
                new RawCase(
                        "header without colon",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "NoColonHere",
                                "Content-Length: 0",
                                "Connection: close",
                                "",
                                ""),
                        false),
                new RawCase(
                        "obs-fold",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/",
                                " json",
                                "Content-Length: 0",
                                "Connection: close",
                                "",
                                ""),
                        false),
                new RawCase(
                        "expect 100",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Type: application/json",
                                "Expect: 100-continue",
                                "Content-Length: " + body.length(),
                                "Connection: close",
                                "",
                                body),
                        true),
                new RawCase(
                        "long header",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "X-Long: " + "l".repeat(20_000),
                                "Content-Length: 0",
                                "Connection: close",
                                "",
                                ""),
                        false),
                new RawCase(
                        "many headers",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                ("X-Many: m\r\n").repeat(300) + "Content-Length: 0",
                                "Connection: close",
                                "",
                                ""),
                        false),
                new RawCase("garbage line", request("\u0000\u0001\u0002 garbage", "", ""), false),
                new RawCase(
                        "lowercase method",
                        request(
                                "post " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Content-Length: 0",
                                "Connection: close",
                                "",
                                ""),
                        false),
                new RawCase(
                        "two hosts",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Host: evil.example",
                                "Content-Length: 0",
                                "Connection: close",
                                "",
                                ""),
                        false),
                new RawCase(
                        "h2c upgrade with body",
                        request(
                                "POST " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Connection: Upgrade, HTTP2-Settings, close",
                                "Upgrade: h2c",
                                "HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA",
                                "Content-Type: application/json",
                                "Content-Length: " + body.length(),
                                "",
                                body),
                        true),
                new RawCase(
                        "websocket upgrade",
                        request(
                                "GET " + path + " HTTP/1.1",
                                "Host: " + host,
                                "Connection: Upgrade, close",
                                "Upgrade: websocket",
                                "Sec-WebSocket-Version: 13",
                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                                "",
                                ""),
                        false));
        return Arbitraries.oneOf(framed, framing);
    }

    private static byte[] request(String... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
