package io.github.atlascredentials.reliability.fuzz;

import io.github.atlascredentials.reliability.support.Answer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Emulator bugs this suite found and reported, not yet fixed in server-stub. Each is matched by a
 * narrow signature (the request that triggers it AND the wrong answer), counted, and printed with the
 * figures of every run; any other violation still fails the build. Delete an entry once server-stub is
 * fixed: the fuzzer then enforces the rule again.
 */
final class KnownEmulatorBugs {
    /** Grizzly's default limit on the request line plus headers. */
    static final int GRIZZLY_MAX_HEAD = 8192;
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Pattern ILLEGAL_URI_CHAR = Pattern.compile("[{}|^`<>\\\\\"\\u0080-\\uFFFF]");
    private static final Pattern LONG_DIGEST_VALUE = Pattern.compile("Digest [^\\n]*=\"[^\"]{1000,}");
    private static final Map<String, AtomicLong> HITS = new ConcurrentHashMap<>();

    private KnownEmulatorBugs() {
    }

    /** The id of the known bug that explains this wrong answer, or null. */
    static final String BUG_2 = "BUG-2 Grizzly-level rejections (head over 8 KiB, broken framing) answer a bare 400 without ApiError JSON";

    static final String BUG_6 = "BUG-6 a bare 505 without ApiError JSON to a path with a '..' segment (seen in fuzzing, not yet reproduced alone)";

    static void count(String id) {
        HITS.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
    }

    static String explain(String method, String target, String headers, int headBytes, byte[] body, Answer a) {
        String id = null;
        if (a.status() == 505 && a.body().length == 0 && target.contains("/..")) {
            id = BUG_6;
        } else if (a.status() == 500 && LONG_DIGEST_VALUE.matcher(headers).find()) {
            id = "BUG-5 Digest header with a quoted value of a few thousand characters answers 500 (regex stack overflow)";
        } else if (a.status() == 400 && a.body().length == 0 && body != null && body.length > 0
                && !"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            id = "BUG-4 GET/DELETE/OPTIONS/HEAD with a body answers a bare 400 without ApiError JSON";
        } else if (a.status() == 500 && (BAD_ESCAPE.matcher(target).find() || ILLEGAL_URI_CHAR.matcher(target).find())) {
            id = "BUG-1 a request target that is no legal URI (bad %-escape, raw { } | ^ ` etc.) answers 500";
        } else if (a.status() == 400 && a.body().length == 0 && headBytes > GRIZZLY_MAX_HEAD - 512) {
            id = BUG_2;
        } else if (body != null && a.status() < 500 && lenientUtf8Only(body)) {
            id = "BUG-3 overlong/surrogate/out-of-range UTF-8 is not MALFORMED_JSON";
        }
        if (id != null) {
            HITS.computeIfAbsent(id, k -> new AtomicLong()).incrementAndGet();
        }
        return id;
    }

    static Map<String, Long> hits() {
        Map<String, Long> copy = new TreeMap<>();
        HITS.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Invalid UTF-8 of the kinds Jackson's decoder lets through (and no other kind). */
    static boolean lenientUtf8Only(byte[] body) {
        if (strictUtf8(body)) {
            return false;
        }
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            int next = i + 1 < body.length ? body[i + 1] & 0xFF : -1;
            if (b == 0xC0 || b == 0xC1 || (b == 0xED && next >= 0xA0 && next <= 0xBF)
                    || (b == 0xF4 && next >= 0x90 && next <= 0xBF)) {
                return true;
            }
        }
        return false;
    }

    static boolean strictUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
