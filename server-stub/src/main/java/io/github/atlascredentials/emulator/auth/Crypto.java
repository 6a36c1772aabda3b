package io.github.atlascredentials.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Hashes, constant-time comparison and random identifiers. */
public final class Crypto {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();

    private Crypto() {
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** 24 lowercase hex characters, the shape of every identifier of the API. */
    public static String objectId() {
        return HEX.formatHex(randomBytes(12));
    }

    public static String randomHex(int bytes) {
        return HEX.formatHex(randomBytes(bytes));
    }

    /** {@code n} characters of {@code [A-Za-z0-9_-]}. */
    public static String randomUrlSafe(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(SECRET_ALPHABET[RANDOM.nextInt(SECRET_ALPHABET.length)]);
        }
        return sb.toString();
    }

    public static String randomLowercase(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = digest("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static byte[] saltedSha256(byte[] salt, String value) {
        return sha256(salt, value.getBytes(StandardCharsets.UTF_8));
    }

    public static String md5Hex(String value) {
        return HEX.formatHex(digest("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
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

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
