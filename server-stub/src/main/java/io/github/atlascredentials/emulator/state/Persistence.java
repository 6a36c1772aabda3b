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

    /** Stores a service account as it now is (its roles per project included); durable on return. */
    void saveServiceAccount(ServiceAccount account);

    /** Forgets a secret (a delete); durable on return, like the saves. */
    void removeSecret(String secretId);

    /** Forgets an API key (a delete); durable on return, like the saves. */
    void removeApiKey(String apiKeyId);

    void clear();

    /** One change of a write: what {@link #apply} persists. */
    sealed interface Change {}

    record SaveSecrets(List<StoredSecret> secrets) implements Change {}

    record SaveApiKey(StoredApiKey key) implements Change {}

    /** A secret just created, under an id never stored before: written without looking for an existing row. */
    record CreateSecret(StoredSecret secret) implements Change {}

    /** An API key just created, under an id never stored before: written without looking for an existing row. */
    record CreateApiKey(StoredApiKey key) implements Change {}

    record SaveServiceAccount(ServiceAccount account) implements Change {}

    record RemoveSecret(String secretId) implements Change {}

    record RemoveApiKey(String apiKeyId) implements Change {}

    /**
     * Persists several changes, durable on return; an implementation may (and the database does) write them in
     * one transaction, so that either all of them are stored or, on failure, none.
     */
    default void apply(List<Change> changes) {
        for (Change change : changes) {
            if (change instanceof SaveSecrets c) {
                saveSecrets(c.secrets());
            } else if (change instanceof SaveApiKey c) {
                saveApiKey(c.key());
            } else if (change instanceof CreateSecret c) {
                saveSecrets(List.of(c.secret()));
            } else if (change instanceof CreateApiKey c) {
                saveApiKey(c.key());
            } else if (change instanceof SaveServiceAccount c) {
                saveServiceAccount(c.account());
            } else if (change instanceof RemoveSecret c) {
                removeSecret(c.secretId());
            } else if (change instanceof RemoveApiKey c) {
                removeApiKey(c.apiKeyId());
            }
        }
    }

    /** Whether writes reach a disk (and so gain from being committed in groups). */
    default boolean durable() {
        return false;
    }

    @Override
    void close();

    /** A copy of the whole state. */
    record Snapshot(
            List<Organization> organizations,
            List<Project> projects,
            List<ServiceAccount> serviceAccounts,
            List<StoredSecret> secrets,
            List<StoredApiKey> apiKeys) {
        public static Snapshot empty() {
            return new Snapshot(List.of(), List.of(), List.of(), List.of(), List.of());
        }
    }

    /** State kept in memory only. */
    static Persistence none() {
        return new Persistence() {
            @Override
            public Snapshot load() {
                return Snapshot.empty();
            }

            @Override
            public boolean initialized() {
                return false;
            }

            @Override
            public void saveAll(Snapshot snapshot) {}

            @Override
            public void saveSecrets(List<StoredSecret> secrets) {}

            @Override
            public void saveApiKey(StoredApiKey key) {}

            @Override
            public void saveServiceAccount(ServiceAccount account) {}

            @Override
            public void removeSecret(String secretId) {}

            @Override
            public void removeApiKey(String apiKeyId) {}

            @Override
            public void clear() {}

            @Override
            public void close() {}
        };
    }
}
