package io.github.atlascredentials.emulator.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token that opens the test-support endpoints. Only its SHA-256 hash is kept, so the value
 * cannot end up in a heap dump, a log line or the data directory by accident; presented tokens are
 * hashed too and compared in constant time.
 */
public final class AdminToken {
    /** The environment variable the command line reads the token from (keeps it out of process listings). */
    public static final String ENVIRONMENT_VARIABLE = "ATLAS_EMULATOR_ADMIN_TOKEN";
    /** Short enough to type, long enough that the rate limit makes guessing hopeless. */
    public static final int MIN_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] hash;

    private AdminToken(byte[] hash) {
        this.hash = hash;
    }

    /**
     * A token of at least {@value #MIN_LENGTH} visible ASCII characters (it travels in an HTTP header).
     * The message of the exception never repeats the value.
     */
    public static AdminToken of(String value) {
        if (value == null || value.length() < MIN_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(
                    "the admin token must be at least " + MIN_LENGTH + " visible ASCII characters, without spaces");
        }
        return new AdminToken(sha256(value));
    }

    /** A new random value (256 bits, base64url): 43 characters. */
    public static String randomValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True if {@code presented} is this token; takes the same time wherever the first difference is. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(hash, sha256(presented));
    }

    @Override
    public String toString() {
        return "AdminToken[****]";
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
