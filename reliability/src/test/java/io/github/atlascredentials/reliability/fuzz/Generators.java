package io.github.atlascredentials.reliability.fuzz;

import io.github.atlascredentials.reliability.support.Http;
import io.github.atlascredentials.reliability.support.Seed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Hostile and boundary values for every part of a request. */
final class Generators {
    static final String BEARER_PLACEHOLDER = "{bearer}";

    private Generators() {}

    // ---- path ids -------------------------------------------------------------------------------

    static Arbitrary<String> objectIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(Seed.ORG_A, Seed.ORG_B, Seed.PROJECT_A, Seed.UNKNOWN_ID)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "",
                                "0".repeat(24),
                                "f".repeat(24),
                                "A".repeat(24),
                                "a".repeat(23),
                                "a".repeat(25),
                                "g".repeat(24),
                                "%20",
                                "..",
                                ".",
                                "null",
                                "%2F",
                                "%00",
                                "-1",
                                "%2e%2e",
                                Seed.ORG_A + "%00",
                                Seed.ORG_A + "%0A",
                                Seed.ORG_A.toUpperCase(),
                                " " + Seed.ORG_A,
                                "%61aaaaaaaaaaaaaaaaaaaa01",
                                "a".repeat(5000),
                                "%C3%A9".repeat(8),
                                "%FF%FE",
                                "%ZZ",
                                "%",
                                "{orgId}",
                                Seed.ORG_A + ";x=1")),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withChars("0123456789abcdefABCDEF")
                                .ofMinLength(20)
                                .ofMaxLength(28)),
                Tuple.of(2, anyText(40).map(Generators::encodeSegment)));
    }

    static Arbitrary<String> clientIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.of(
                                Seed.ADMIN_A,
                                Seed.target(0),
                                Seed.target(1),
                                Seed.target(2),
                                Seed.UNKNOWN_CLIENT,
                                Seed.ADMIN_B,
                                Seed.MEMBER_A)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "",
                                "mdb_sa_id_",
                                "mdb_sa_id_" + "a".repeat(23),
                                "mdb_sa_id_" + "a".repeat(25),
                                "MDB_SA_ID_" + "a".repeat(24),
                                "mdb_sa_id_" + "g".repeat(24),
                                "mdb_sa_id_" + "A".repeat(24),
                                "mdb_sa_id_" + "%61".repeat(24),
                                "mdb_sa_sk_" + "a".repeat(40),
                                "mdb_sa_id_%2F" + "a".repeat(21),
                                Seed.ADMIN_A + "%00",
                                Seed.ADMIN_A + "/",
                                "mdb%5Fsa%5Fid%5F" + "a".repeat(24),
                                "%",
                                "%ZZ",
                                "x".repeat(9000))),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withChars("0123456789abcdefABCDEFg")
                                .ofLength(24)
                                .map(s -> "mdb_sa_id_" + s)),
                Tuple.of(1, anyText(50).map(Generators::encodeSegment)));
    }

    static Arbitrary<String> paths() {
        Arbitrary<String> templated = Combinators.combine(
                        Arbitraries.of(
                                "/api/atlas/v2/orgs/%s/serviceAccounts/%s/secrets",
                                "/api/atlas/v2/groups/%s/serviceAccounts/%s/secrets",
                                "/api/public/v1.0/orgs/%s/serviceAccounts/%s/secrets/",
                                "/api/public/v1.0/orgs/%s/apiKeys%.0s",
                                "/api/atlas/v2/orgs/%s/serviceAccounts/%s",
                                "/api/atlas/v1/orgs/%s/serviceAccounts/%s/secrets",
                                "/api/public/v1.0/orgs/%s/apiKeys/%s",
                                "/api/atlas/v2/orgs/%s/serviceAccounts/%s/secrets/%s"),
                        objectIds(),
                        clientIds(),
                        Arbitraries.of("", "/", "//", "/.", "/..", "?", "#x", ";a=b", "/%2e%2e", "%20"))
                .as((template, id, client, suffix) -> String.format(template, id, client, client) + suffix);
        Arbitrary<String> fixed = Arbitraries.of(
                "/",
                "",
                "/api",
                "/api/",
                "/api/atlas/v2",
                "/api/oauth/token/",
                "/api/oauth/tokens",
                "/api/oauth/revoke/x",
                "//api/oauth/token",
                "/api/oauth/../oauth/token",
                "/_emulator/nothing",
                "/_emulator/clock/advance/x",
                "/favicon.ico",
                "/api/atlas/v2/orgs",
                "/" + "a/".repeat(3000),
                "/%2e%2e/%2e%2e/etc/passwd",
                "/api/atlas/v2/orgs/%2F/serviceAccounts/%2F/secrets",
                "/API/ATLAS/V2/ORGS/" + Seed.ORG_A + "/SERVICEACCOUNTS/" + Seed.ADMIN_A + "/SECRETS");
        return Arbitraries.frequencyOf(
                Tuple.of(6, templated),
                Tuple.of(2, fixed),
                Tuple.of(1, anyText(60).map(t -> "/" + encodeSegment(t))));
    }

    /** GET and DELETE of the read and delete operations, with valid, unknown and broken ids. */
    static Arbitrary<String> lifecycleRequests() {
        Arbitrary<String> templates = Arbitraries.of(
                "GET /api/atlas/v2/orgs/%1$s/serviceAccounts/%2$s",
                "GET /api/atlas/v2/groups/%1$s/serviceAccounts/%2$s",
                "GET /api/public/v1.0/orgs/%1$s/serviceAccounts/%2$s",
                "GET /api/atlas/v2/orgs/%1$s/serviceAccounts",
                "DELETE /api/atlas/v2/orgs/%1$s/serviceAccounts/%2$s/secrets/%3$s",
                "DELETE /api/atlas/v2/groups/%1$s/serviceAccounts/%2$s/secrets/%3$s",
                "DELETE /api/public/v1.0/orgs/%1$s/serviceAccounts/%2$s/secrets/%3$s",
                "GET /api/atlas/v2/orgs/%1$s/apiKeys",
                "GET /api/public/v1.0/orgs/%1$s/apiKeys",
                "GET /api/atlas/v2/orgs/%1$s/apiKeys/%3$s",
                "GET /api/public/v1.0/orgs/%1$s/apiKeys/%3$s",
                "DELETE /api/atlas/v2/orgs/%1$s/apiKeys/%3$s",
                "DELETE /api/public/v1.0/orgs/%1$s/apiKeys/%3$s");
        Arbitrary<String> parents = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(Seed.ORG_A, Seed.PROJECT_A)), Tuple.of(2, objectIds()));
        return Combinators.combine(templates, parents, clientIds(), objectIds())
                .as((template, parent, client, id) -> String.format(template, parent, client, id));
    }

    static Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just("POST")),
                Tuple.of(
                        3, Arbitraries.of("GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO", "post")));
    }

    // ---- bodies -------------------------------------------------------------------------------

    static Arbitrary<byte[]> secretBodies() {
        Arbitrary<String> hours = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "7",
                                "8",
                                "9",
                                "24",
                                "8759",
                                "8760",
                                "8761",
                                "8766",
                                "8767",
                                "0",
                                "-1",
                                "-8",
                                "2147483647",
                                "2147483648",
                                "-2147483649",
                                "9223372036854775807",
                                "9223372036854775808",
                                "99999999999999999999999999999999",
                                "1e400",
                                "-1e400",
                                "1E1",
                                "8.0",
                                "8.5",
                                "-0",
                                "0.0",
                                "8e0",
                                "\"8\"",
                                "\"3600\"",
                                "\"08\"",
                                "\" 8\"",
                                "\"8 \"",
                                "\"8766\"",
                                "\"8767\"",
                                "\"+8\"",
                                "\"\"",
                                "\"\\u0038\"",
                                "\"８\"",
                                "\"eight\"",
                                "\"8.0\"",
                                "\"99999999999999999999\"",
                                "null",
                                "true",
                                "false",
                                "[]",
                                "{}",
                                "[8]",
                                "{\"value\":8}",
                                "\"" + "9".repeat(5000) + "\"")),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)),
                Tuple.of(
                        1,
                        Arbitraries.bigIntegers()
                                .between(java.math.BigInteger.TWO.pow(70).negate(), java.math.BigInteger.TWO.pow(70))
                                .map(String::valueOf)));
        Arbitrary<String> objects = Combinators.combine(
                        hours,
                        Arbitraries.of(
                                "",
                                ",\"x\":1",
                                ",\"secretExpiresAfterHours\":9",
                                ",\"secret\":\"mine\"",
                                ",\"SecretExpiresAfterHours\":8",
                                ",\"\":null",
                                ",\"a\":" + nested(40, true)))
                .as((h, extra) -> "{\"secretExpiresAfterHours\":" + h + extra + "}");
        return Arbitraries.frequencyOf(Tuple.of(6, objects.map(Generators::utf8)), Tuple.of(4, commonBodies()));
    }

    static Arbitrary<byte[]> apiKeyBodies() {
        Arbitrary<String> desc = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "\"k\"",
                                "\"\"",
                                "\" \"",
                                "\"" + "d".repeat(250) + "\"",
                                "\"" + "d".repeat(251) + "\"",
                                "\"" + "😀".repeat(250) + "\"",
                                "\"" + "😀".repeat(251) + "\"",
                                "\"\\ud800\"",
                                "\"\\udfff\"",
                                "\"a\\ud83d\"",
                                "\"\\u0000\"",
                                "\"\\u001f\\u007f\"",
                                "\"<script>\"",
                                "\"" + "x".repeat(70_000) + "\"",
                                "null",
                                "1",
                                "true",
                                "[\"a\"]",
                                "{}",
                                "\"é\"",
                                "\"\\\"'--\"")),
                Tuple.of(1, anyText(260).map(Generators::jsonString)));
        Arbitrary<String> roles = Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "[\"ORG_OWNER\"]",
                                "[\"ORG_MEMBER\",\"ORG_READ_ONLY\"]",
                                "[\"ORG_OWNER\",\"ORG_MEMBER\",\"ORG_GROUP_CREATOR\",\"ORG_BILLING_ADMIN\",\"ORG_READ_ONLY\",\"ORG_BILLING_READ_ONLY\"]",
                                "[\"ORG_OWNER\",\"ORG_OWNER\"]",
                                "[]",
                                "[\"GROUP_OWNER\"]",
                                "[\"org_owner\"]",
                                "[null]",
                                "[1]",
                                "\"ORG_OWNER\"",
                                "null",
                                "{}",
                                "[[\"ORG_OWNER\"]]",
                                "[\"\"]",
                                "[\"ORG_OWNER\",null]",
                                "[" + "\"ORG_MEMBER\",".repeat(2000) + "\"ORG_OWNER\"]")),
                Tuple.of(1, anyText(20).map(t -> "[" + jsonString(t) + "]")));
        Arbitrary<String> objects = Combinators.combine(desc, roles, Arbitraries.of(0, 1, 2, 3, 4))
                .as((d, r, shape) -> switch (shape) {
                    case 0 -> "{\"desc\":" + d + ",\"roles\":" + r + "}";
                    case 1 -> "{\"desc\":" + d + "}";
                    case 2 -> "{\"roles\":" + r + "}";
                    case 3 -> "{\"desc\":" + d + ",\"roles\":" + r + ",\"privateKey\":\"x\"}";
                    default -> "{\"roles\":" + r + ",\"desc\":" + d + ",\"desc\":" + d + "}";
                });
        return Arbitraries.frequencyOf(Tuple.of(6, objects.map(Generators::utf8)), Tuple.of(4, commonBodies()));
    }

    /** Bodies that are wrong for every operation: malformed, not objects, deep, invalid UTF-8, oversize. */
    static Arbitrary<byte[]> commonBodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                        "",
                                        " ",
                                        "{",
                                        "}",
                                        "{}",
                                        "[]",
                                        "null",
                                        "8",
                                        "\"s\"",
                                        "true",
                                        "{\"a\":}",
                                        "{\"secretExpiresAfterHours\":8,}",
                                        "{\"secretExpiresAfterHours\":8} x",
                                        "{\"secretExpiresAfterHours\":8}{}",
                                        "/* c */{\"secretExpiresAfterHours\":8}",
                                        "{'secretExpiresAfterHours':8}",
                                        "{secretExpiresAfterHours:8}",
                                        "{\"secretExpiresAfterHours\":NaN}",
                                        "{\"secretExpiresAfterHours\":Infinity}",
                                        "{\"secretExpiresAfterHours\":0x10}",
                                        "{\"secretExpiresAfterHours\":08}",
                                        "\uFEFF{\"secretExpiresAfterHours\":8}",
                                        "{\"desc\":\"a\nb\",\"roles\":[\"ORG_OWNER\"]}",
                                        "{\"secretExpiresAfterHours\":8}\u0000")
                                .map(Generators::utf8)),
                Tuple.of(
                        2,
                        Arbitraries.integers()
                                .between(1, 120)
                                .flatMap(depth -> Arbitraries.of(
                                        nested(depth, true),
                                        nested(depth, false),
                                        "{\"secretExpiresAfterHours\":" + nested(depth, true) + "}",
                                        "{\"desc\":\"k\",\"roles\":" + nested(depth, true) + "}"))
                                .map(Generators::utf8)),
                Tuple.of(2, invalidUtf8()),
                Tuple.of(1, oversize()),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(
                        2,
                        Arbitraries.strings()
                                .withChars("{}[]\":,0123456789.eE+-tfnul \\secrtExpiAfHod")
                                .ofMaxLength(80)
                                .map(Generators::utf8)));
    }

    static Arbitrary<byte[]> invalidUtf8() {
        byte[][] bad = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF},
            {(byte) 0xFE, (byte) 0xFF},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}
        };
        return Combinators.combine(
                        Arbitraries.of(bad),
                        Arbitraries.of(
                                "{\"secretExpiresAfterHours\":8,\"%s\":1}",
                                "{\"desc\":\"%s\",\"roles\":[\"ORG_OWNER\"]}",
                                "{\"secretExpiresAfterHours\":\"%s\"}",
                                "%s",
                                "{\"%s\"",
                                "grant_type=client_credentials&x=%s"))
                .as((b, template) -> {
                    String[] parts = template.split("%s", -1);
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    out.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
                    out.writeBytes(b);
                    out.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
                    return out.toByteArray();
                });
    }

    static Arbitrary<byte[]> oversize() {
        return Arbitraries.of(65_535, 65_536, 65_537, 70_000, 300_000, 1_100_000)
                .map(size -> {
                    String prefix = "{\"secretExpiresAfterHours\":8,\"pad\":\"";
                    String suffix = "\"}";
                    int pad = Math.max(0, size - prefix.length() - suffix.length());
                    return utf8(prefix + "p".repeat(pad) + suffix);
                });
    }

    static String nested(int depth, boolean arrays) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append("8");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        return sb.toString();
    }

    // ---- headers ------------------------------------------------------------------------------

    static Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.of(
                                "application/json",
                                Http.ATLAS,
                                "application/json; charset=utf-8",
                                "APPLICATION/JSON",
                                "application/json;charset=ISO-8859-1",
                                "application/json; charset=bogus",
                                "application/json; charset=utf-16",
                                "application/vnd.atlas.2025-03-12+json",
                                "application/vnd.atlas.2024-08-04+json",
                                "application/vnd.atlas.9999-99-99+json",
                                "application/vnd.atlas.+json",
                                "application/vnd.atlas.2024-08-05+xml",
                                "application/vnd.atlas.2024-8-5+json",
                                "text/plain",
                                Http.FORM,
                                "multipart/form-data; boundary=x",
                                "*/*",
                                "application/*",
                                "",
                                "  ",
                                ";;;",
                                "application/json;;",
                                "application/json; q=0.5",
                                "application/json, text/plain",
                                "json",
                                "application/vnd.atlas.2024-08-05+json; charset=utf-8; version=2",
                                "application/merge-patch+json",
                                "application/vnd.atlas." + "9".repeat(2000) + "+json")),
                Tuple.of(1, printable(60)));
    }

    static Arbitrary<String> accepts() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.of(
                                Http.ATLAS,
                                "application/json",
                                "*/*",
                                "application/vnd.atlas.2023-01-01+json",
                                "application/vnd.atlas.2099-12-31+json",
                                "application/vnd.atlas.2024-02-30+json",
                                "application/vnd.atlas.latest+json",
                                Http.ATLAS + ", application/json;q=0.1",
                                Http.ATLAS + ";q=0",
                                "text/html",
                                "application/vnd.atlas.2024-08-05",
                                "application/vnd.atlas.2024-08-05+json,",
                                ",,,",
                                "application/vnd.atlas.2024-08-05+json; q=abc",
                                "application/vnd.atlas.00000-08-05+json",
                                "application/vnd.atlas.+2024-08-05+json",
                                "")),
                Tuple.of(1, printable(80)));
    }

    static Arbitrary<String> authorizations() {
        Arbitrary<String> digestParts = Combinators.combine(
                        Arbitraries.of(
                                "username=\"" + Seed.KEY_ADMIN_A + "\"",
                                "username=\"nobody12\"",
                                "username=",
                                "username=\"\"",
                                "username=\"" + "u".repeat(3000) + "\""),
                        Arbitraries.of("realm=\"MMS Public API\"", "realm=\"other\"", "realm=MMS", ""),
                        Arbitraries.of(
                                "nonce=\"00\"", "nonce=\"\"", "nonce=\"" + "f".repeat(32) + "\"", "nonce=\"\\\"\\\\\""),
                        Arbitraries.of(
                                "uri=\"/x\"", "uri=\"" + Seed.apiKeysPath(Seed.ORG_A) + "\"", "uri=", "uri=\"\u0000\""),
                        Arbitraries.of(
                                "nc=00000001", "nc=zzzzzzzz", "nc=ffffffffffffffffffff", "nc=", "nc=-0000001", ""),
                        Arbitraries.of("qop=auth", "qop=auth-int", "qop=\"auth\"", "qop=", ""),
                        Arbitraries.of(
                                "response=\"" + "0".repeat(32) + "\"",
                                "response=\"xyz\"",
                                "response=",
                                "response=\"unterminated",
                                "algorithm=SHA-256, response=\"" + "a".repeat(32) + "\"",
                                ""))
                .as((u, r, n, uri, nc, qop, resp) ->
                        "Digest " + String.join(", ", List.of(u, r, n, uri, nc, qop, "cnonce=\"ab\"", resp)));
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("Bearer " + BEARER_PLACEHOLDER)),
                Tuple.of(
                        3,
                        Arbitraries.of(
                                "",
                                "Bearer",
                                "Bearer ",
                                "bearer " + BEARER_PLACEHOLDER,
                                "Bearer   " + BEARER_PLACEHOLDER + "  ",
                                "Bearer " + BEARER_PLACEHOLDER + "x",
                                "Bearer x" + BEARER_PLACEHOLDER,
                                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
                                "Bearer " + "A".repeat(6000),
                                "Bearer \u00e9\u00e9",
                                "Digest",
                                "Digest ",
                                "Digest ,,,,",
                                "Digest =",
                                "Digest username=\"a\", username=\"b\"",
                                "Digest " + "a=b, ".repeat(500),
                                "Digest a=\"" + "\\\"".repeat(1000),
                                Http.basic(Seed.ADMIN_A, Seed.ADMIN_A_SECRET),
                                "Basic !!!",
                                "Basic ",
                                "Negotiate abc",
                                "Bearer null",
                                "Bearer \t" + BEARER_PLACEHOLDER)),
                Tuple.of(3, digestParts),
                Tuple.of(1, printable(120)));
    }

    static Arbitrary<List<String[]>> extraHeaders() {
        Arbitrary<String[]> header = Arbitraries.of(
                new String[] {"X-Forwarded-For", "10.0.0.1, 127.0.0.1"},
                new String[] {"Accept-Charset", "utf-16"},
                new String[] {"Accept-Encoding", "gzip, deflate, br"},
                new String[] {"Content-Encoding", "gzip"},
                new String[] {"X-HTTP-Method-Override", "DELETE"},
                new String[] {"Range", "bytes=0-1"},
                new String[] {"Cookie", "a=" + "b".repeat(3000)},
                new String[] {"X-Empty", ""},
                new String[] {"Origin", "null"},
                new String[] {"If-None-Match", "*"},
                new String[] {"Accept-Language", "\u00e9\u00e8"},
                new String[] {"Authorization", "Bearer second"},
                new String[] {"Content-Type", "text/plain"},
                new String[] {"Accept", "application/vnd.atlas.2099-01-01+json"});
        return header.list().ofMaxSize(3);
    }

    // ---- queries ------------------------------------------------------------------------------

    static Arbitrary<String> queries() {
        Arbitrary<String> name = Arbitraries.of(
                "envelope",
                "pretty",
                "pageNum",
                "itemsPerPage",
                "foo",
                "",
                "envelope[]",
                "ENVELOPE",
                "pretty%00",
                "%65nvelope");
        Arbitrary<String> value = Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.of(
                                "true",
                                "false",
                                "TRUE",
                                "True",
                                "1",
                                "0",
                                "yes",
                                "",
                                "%20true",
                                "true%00",
                                "2147483647",
                                "2147483648",
                                "-1",
                                "500",
                                "501",
                                "+1",
                                "01",
                                "1e3",
                                "9999999999999",
                                "99999999999999999999",
                                "%E2%82%AC",
                                "%FF",
                                "true&envelope=false",
                                "%2B1",
                                "１",
                                "0x10",
                                "t".repeat(5000),
                                "%ZZ",
                                "%",
                                "true%",
                                "a=b")),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, anyText(20).map(Generators::encodeSegment)));
        Arbitrary<String> pair = Combinators.combine(name, value, Arbitraries.of(true, true, true, false))
                .as((n, v, withValue) -> withValue ? n + "=" + v : n);
        return pair.list().ofMaxSize(5).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    // ---- OAuth --------------------------------------------------------------------------------

    static Arbitrary<String> basicHeaders() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        3,
                        Arbitraries.of(
                                Http.basic(Seed.OAUTH_FUZZ_A, Seed.OAUTH_FUZZ_A_SECRET),
                                Http.basic(Seed.OAUTH_FUZZ_A, "mdb_sa_sk_" + "w".repeat(40)),
                                Http.basic(Seed.UNKNOWN_CLIENT, Seed.OAUTH_FUZZ_A_SECRET),
                                Http.basic(Seed.OAUTH_FUZZ_A, ""),
                                Http.basic("", Seed.OAUTH_FUZZ_A_SECRET),
                                Http.basic(Seed.OAUTH_FUZZ_A + ":x", Seed.OAUTH_FUZZ_A_SECRET),
                                Http.basic("%", "%"),
                                Http.basic("%ZZ", "%E0%A4%A"),
                                Http.basic(Seed.OAUTH_FUZZ_A, "%FF%FE"),
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(Seed.OAUTH_FUZZ_A.getBytes(StandardCharsets.UTF_8)),
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(new byte[] {(byte) 0xFF, 0x3A, (byte) 0xC3}),
                                "Basic !!!",
                                "Basic",
                                "Basic ",
                                "basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8)),
                                "Bearer x",
                                "",
                                "Basic " + "QUFB".repeat(2000),
                                "Basic YTpi=====",
                                "Basic Y")),
                Tuple.of(1, anyText(30).map(t -> Http.basic(t, t))));
    }

    static Arbitrary<byte[]> forms() {
        return Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.of(
                                        "grant_type=client_credentials",
                                        "grant_type=password",
                                        "grant_type=",
                                        "grant_type",
                                        "",
                                        "grant_type=client_credentials&grant_type=password",
                                        "GRANT_TYPE=client_credentials",
                                        "grant_type=client%5Fcredentials",
                                        "grant_type=client_credentials&scope=x",
                                        "token=abc",
                                        "token=abc&token_type_hint=refresh_token",
                                        "token=&token_type_hint=access_token",
                                        "token=%ZZ",
                                        "%",
                                        "%%%",
                                        "&&&",
                                        "=",
                                        "grant_type=%E0%A4%A",
                                        "grant_type=%FF",
                                        "token=" + "t".repeat(60_000),
                                        "{\"grant_type\":\"client_credentials\"}",
                                        "grant_type=client_credentials\u0000",
                                        "token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln&token_type_hint=access_token")
                                .map(Generators::utf8)),
                Tuple.of(1, invalidUtf8()),
                Tuple.of(1, oversize()),
                Tuple.of(1, anyText(80).map(Generators::utf8)));
    }

    static Arbitrary<String> formContentTypes() {
        return Arbitraries.of(
                Http.FORM,
                Http.FORM,
                Http.FORM,
                Http.FORM + "; charset=UTF-8",
                Http.FORM + "; charset=bogus",
                Http.FORM + "; charset=utf-16",
                "application/json",
                "",
                "text/plain",
                "APPLICATION/X-WWW-FORM-URLENCODED",
                "multipart/form-data; boundary=zzz",
                Http.FORM + ";;");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Any text, including controls, non-BMP characters and lone surrogates. */
    static Arbitrary<String> anyText(int maxLength) {
        return Arbitraries.strings().all().ofMaxLength(maxLength);
    }

    static Arbitrary<String> printable(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(maxLength);
    }

    static String encodeSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String jsonString(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String[]> headerList(String... pairs) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            list.add(new String[] {pairs[i], pairs[i + 1]});
        }
        return list;
    }
}
