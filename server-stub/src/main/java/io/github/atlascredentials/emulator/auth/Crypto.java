package io.github.atlascredentials.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Hashes, constant-time comparison and random identifiers. */
public final class Crypto {
    /**
     * One DRBG per thread: the default NativePRNG serializes every caller on one global lock (and so
     * does {@link UUID#randomUUID()}), which capped the emulator's throughput. Each instance is seeded
     * from the system's entropy source, so the values stay cryptographically random.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Crypto::newRandom);

    private static final HexFormat HEX = HexFormat.of();
    /**
     * One digest per thread and algorithm, reused ({@code digest()} resets it): {@code getInstance} looks the
     * provider up and builds a new one, work done for every request (the token's hash, Digest's MD5s).
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> digest("SHA-256"));

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> digest("MD5"));
    /** The ObjectId's per-process random part and counter (see {@link #objectId()}). */
    private static final byte[] PROCESS_UNIQUE = randomBytes(5);

    private static final AtomicInteger OBJECT_ID_COUNTER =
            new AtomicInteger(RANDOM.get().nextInt());
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();

    private Crypto() {}

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.get().nextBytes(bytes);
        return bytes;
    }

    /** A random (version 4) UUID, as {@link UUID#randomUUID()} makes, from this thread's generator. */
    public static UUID randomUuid() {
        byte[] b = randomBytes(16);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    /**
     * 24 lowercase hex characters in MongoDB's ObjectId layout, as the real service's identifiers: 4 bytes
     * of seconds since the epoch, 5 random bytes chosen once per process, a 3-byte counter that starts at
     * a random value. Ids so grow with time, which makes an H2 insert an append to the index instead of a
     * write into a random leaf (with random ids each commit rewrote a page per row), and costs no random
     * draw per id. Identifiers are not secrets: nothing relies on them being unguessable.
     */
    public static String objectId() {
        return objectId(System.currentTimeMillis() / 1000, OBJECT_ID_COUNTER.getAndIncrement());
    }

    static String objectId(long epochSeconds, int counter) {
        byte[] id = new byte[12];
        int seconds = (int) epochSeconds;
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        System.arraycopy(PROCESS_UNIQUE, 0, id, 4, PROCESS_UNIQUE.length);
        id[9] = (byte) (counter >>> 16);
        id[10] = (byte) (counter >>> 8);
        id[11] = (byte) counter;
        return HEX.formatHex(id);
    }

    public static String randomHex(int bytes) {
        return HEX.formatHex(randomBytes(bytes));
    }

    /** {@code n} characters of {@code [A-Za-z0-9_-]}. */
    public static String randomUrlSafe(int n) {
        return urlSafe(randomBytes(n), 0, n);
    }

    /**
     * {@code n} characters of {@code [A-Za-z0-9_-]} from {@code n} random bytes starting at {@code from}: for a
     * caller that draws one array for several values (each draw also rehashes the generator's state).
     */
    public static String urlSafe(byte[] random, int from, int n) {
        // 64 symbols: the low 6 bits of a random byte pick one uniformly, one byte per character.
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = SECRET_ALPHABET[random[from + i] & (SECRET_ALPHABET.length - 1)];
        }
        return new String(chars);
    }

    public static String randomLowercase(int n) {
        // Random bytes below 234 (= 9 * 26) map uniformly onto the 26 letters; the rest are drawn again.
        char[] chars = new char[n];
        int filled = 0;
        while (filled < n) {
            for (byte b : randomBytes(n - filled + 4)) {
                int value = b & 0xff;
                if (value < 234 && filled < n) {
                    chars[filled++] = (char) ('a' + value % 26);
                }
            }
        }
        return new String(chars);
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = SHA_256.get();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static byte[] saltedSha256(byte[] salt, String value) {
        return sha256(salt, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String md5Hex(String value) {
        return HEX.formatHex(MD5.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** Constant-time equality of two byte arrays. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Constant-time equality of two strings (their UTF-8 bytes). */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom(); // every JDK 9+ has DRBG; keep working on one that does not
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
