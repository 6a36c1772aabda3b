package io.github.atlascredentials.emulator.state;

import java.util.List;

/**
 * Where acknowledged state is written before the answer is sent. Implementations return only once
 * the write is durable.
 */
public interface Persistence extends AutoCloseable {

    /** Everything stored, or an empty snapshot for a fresh store. */
    Snapshot load();

    /** True once seed data has been written (so a restart keeps state instead of re-seeding). */
    boolean initialized();

    void saveAll(Snapshot snapshot);

    void saveSecrets(List<StoredSecret> secrets);

    void saveApiKey(StoredApiKey key);

    /** Forgets a secret (a delete); durable on return, like the saves. */
    void removeSecret(String secretId);

    /** Forgets an API key (a delete); durable on return, like the saves. */
    void removeApiKey(String apiKeyId);

    void clear();

    @Override
    void close();

    /** A copy of the whole state. */
    record Snapshot(List<Organization> organizations, List<Project> projects,
                    List<ServiceAccount> serviceAccounts, List<StoredSecret> secrets, List<StoredApiKey> apiKeys) {
        public static Snapshot empty() {
            return new Snapshot(List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /** State kept in memory only. */
    static Persistence none() {
        return new Persistence() {
            @Override public Snapshot load() { return Snapshot.empty(); }
            @Override public boolean initialized() { return false; }
            @Override public void saveAll(Snapshot snapshot) { }
            @Override public void saveSecrets(List<StoredSecret> secrets) { }
            @Override public void saveApiKey(StoredApiKey key) { }
            @Override public void removeSecret(String secretId) { }
            @Override public void removeApiKey(String apiKeyId) { }
            @Override public void clear() { }
            @Override public void close() { }
        };
    }
}
