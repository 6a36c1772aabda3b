package io.github.atlascredentials.emulator.state;

import java.time.Instant;

/**
 * A service-account secret as stored: never the plain value, only a salted SHA-256 of it and
 * the masked form.
 */
public record StoredSecret(
        String id,
        String clientId,
        byte[] salt,
        byte[] hash,
        String maskedValue,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt) {

    public StoredSecret withExpiresAt(Instant newExpiry) {
        return new StoredSecret(id, clientId, salt, hash, maskedValue, createdAt, newExpiry, lastUsedAt);
    }

    public StoredSecret withLastUsedAt(Instant used) {
        return new StoredSecret(id, clientId, salt, hash, maskedValue, createdAt, expiresAt, used);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "StoredSecret[id=" + id + ", clientId=" + clientId + ", masked=" + maskedValue + ", expiresAt="
                + expiresAt + "]";
    }
}
