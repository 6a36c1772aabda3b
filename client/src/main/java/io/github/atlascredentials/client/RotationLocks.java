package io.github.atlascredentials.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per account (a service account's client id, an API key's id) for the rotation workflows of one client:
 * two rotations that read the same inventory and both delete would leave the account with no working secret.
 * Also remembers API key rotations started and not yet retired, so that a second rotation of the same old key
 * through this client is refused instead of creating a second replacement.
 */
final class RotationLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, String> apiKeyReplacements = new ConcurrentHashMap<>();

    <T> T serialized(String account, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(account, unused -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** The id of the key that replaces {@code oldKeyId}, when a rotation through this client started and did not retire it. */
    String replacementOf(String oldKeyId) {
        return apiKeyReplacements.get(oldKeyId);
    }

    void replacementStarted(String oldKeyId, String newKeyId) {
        apiKeyReplacements.put(oldKeyId, newKeyId);
    }

    void replacementFinished(String oldKeyId) {
        apiKeyReplacements.remove(oldKeyId);
    }
}
