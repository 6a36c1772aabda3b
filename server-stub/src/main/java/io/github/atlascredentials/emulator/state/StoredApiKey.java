package io.github.atlascredentials.emulator.state;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A programmatic API key as stored. The private key is kept only as the Digest HA1
 * ({@code MD5(publicKey:realm:privateKey)}), which is what a Digest server needs to verify
 * responses, and as its masked form. {@code roles} are its organization roles, {@code projectRoles} its roles
 * per project (an API key may hold both, as the real service answers).
 */
public record StoredApiKey(
        String id,
        String orgId,
        String publicKey,
        byte[] ha1,
        String maskedPrivateKey,
        String desc,
        List<String> roles,
        Map<String, Set<String>> projectRoles) {
    public StoredApiKey {
        roles = List.copyOf(roles);
        projectRoles = Map.copyOf(projectRoles);
    }

    public StoredApiKey(
            String id,
            String orgId,
            String publicKey,
            byte[] ha1,
            String maskedPrivateKey,
            String desc,
            List<String> roles) {
        this(id, orgId, publicKey, ha1, maskedPrivateKey, desc, roles, Map.of());
    }

    @Override
    public String toString() {
        return "StoredApiKey[id=" + id + ", orgId=" + orgId + ", publicKey=" + publicKey + "]";
    }
}
