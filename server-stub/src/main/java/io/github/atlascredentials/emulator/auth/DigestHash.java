package io.github.atlascredentials.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The stored form of an API key's private key, for HTTP Digest: needs no state, so the state can compute it. */
public final class DigestHash {
    /** The realm of the Digest challenge; part of every stored hash. */
    public static final String REALM = "MMS Public API";

    private DigestHash() {}

    /** HA1 = MD5(publicKey:realm:privateKey), the only form in which a private key is stored. */
    public static byte[] ha1(String publicKey, String privateKey) {
        try {
            return MessageDigest.getInstance("MD5")
                    .digest((publicKey + ":" + REALM + ":" + privateKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
