package io.github.atlascredentials.emulator.state;

import java.util.List;

/**
 * A programmatic API key as stored. The private key is kept only as the Digest HA1
 * ({@code MD5(publicKey:realm:privateKey)}), which is what a Digest server needs to verify
 * responses, and as its masked form.
 */
public record StoredApiKey(String id, String orgId, String publicKey, byte[] ha1, String maskedPrivateKey,
                           String desc, List<String> roles) {
    public StoredApiKey {
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "StoredApiKey[id=" + id + ", orgId=" + orgId + ", publicKey=" + publicKey + "]";
    }
}
