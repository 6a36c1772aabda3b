package io.github.atlascredentials.emulator.state;

import io.github.atlascredentials.emulator.EmulatorClock;
import io.github.atlascredentials.emulator.SpecFacts;
import io.github.atlascredentials.emulator.auth.Crypto;
import io.github.atlascredentials.emulator.auth.DigestHash;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.emulator.seed.SeedException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The organizations, projects, service accounts, secrets and API keys. Reads are lock-free; every
 * write is decided under one lock and is persisted before it becomes visible and before the caller answers,
 * which makes limits (2 secrets per account) exact under concurrency. With a database, writes decided
 * one after the other are committed in groups ({@link GroupCommit}): the lock is held only while a write is
 * decided, against the writer's view of the state (which includes the writes still being committed), and
 * the readers' view changes once the group is durable.
 */
public final class EmulatorState {
    /** How long an older secret may live at most once a newer one is created. */
    public static final Duration OLDER_SECRET_GRACE = SpecFacts.OLDER_SECRET_GRACE;

    private final EmulatorClock clock;
    private final Persistence persistence;
    private final int maxSecretsPerAccount;
    private final Object writeLock = new Object();

    private final Map<String, Organization> organizations = new ConcurrentHashMap<>();
    private final Map<String, Project> projects = new ConcurrentHashMap<>();
    private final Map<String, ServiceAccount> serviceAccounts = new ConcurrentHashMap<>();
    private final Map<String, SecretList> secretsByClient = new ConcurrentHashMap<>();
    private final Map<String, StoredApiKey> apiKeysByPublicKey = new ConcurrentHashMap<>();
    private final Map<String, StoredApiKey> apiKeysById = new ConcurrentHashMap<>();
    /** What readers see: the maps above. */
    private final View readers;
    /** The writer's view (used under the write lock): the readers' view in memory, else ahead by the writes in flight. */
    private final View writers;

    private final GroupCommit groupCommit;
    /** Used under the write lock only. */
    private final RecentInstants sharedInstants = new RecentInstants();

    public EmulatorState(EmulatorClock clock, Persistence persistence, int maxSecretsPerAccount) {
        this.clock = clock;
        this.persistence = persistence;
        this.maxSecretsPerAccount = maxSecretsPerAccount;
        this.readers = new View(serviceAccounts, secretsByClient, apiKeysByPublicKey, apiKeysById);
        if (persistence.durable()) {
            this.groupCommit = new GroupCommit(persistence);
            this.writers = new View(
                    new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>());
        } else {
            this.groupCommit = null;
            this.writers = readers;
        }
    }

    /**
     * The maps a write changes: the service accounts and their secrets by client id, and the API keys by public key
     * and by id.
     */
    private record View(
            Map<String, ServiceAccount> accounts,
            Map<String, SecretList> secrets,
            Map<String, StoredApiKey> keysByPublicKey,
            Map<String, StoredApiKey> keysById) {}

    /**
     * A write as decided against the writer's view: its result, what it persists, and how it changes a view
     * (applied to the writer's view at once, to the readers' view once persisted). No change: nothing to persist.
     */
    private record Write<T>(T result, List<Persistence.Change> changes, Consumer<View> change) {
        static <T> Write<T> nothing(T result) {
            return new Write<>(result, List.of(), null);
        }
    }

    /** Decides a write from the writer's view, under the write lock; may refuse it by throwing. */
    @FunctionalInterface
    private interface Decision<T, X extends Exception> {
        Write<T> decide(View writerView) throws X;
    }

    /**
     * The one path of every single write: decided under the write lock against the writer's view, persisted before
     * it becomes visible to readers, and durable before this returns (with a database, in a group of writes).
     */
    private <T, X extends Exception> T write(Decision<T, X> decision) throws X {
        CompletableFuture<Void> done;
        Write<T> write;
        synchronized (writeLock) {
            recoverFromFailedGroup();
            write = decision.decide(writers);
            if (write.change() == null) {
                done = DONE;
            } else {
                Consumer<View> change = write.change();
                done = commit(write.changes(), () -> change.accept(readers));
                if (writers != readers) {
                    change.accept(writers);
                }
            }
        }
        GroupCommit.await(done);
        return write.result();
    }

    /** Stops the group commit once what is queued is durable. */
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    /**
     * Persists a write decided under the write lock, then makes it visible with {@code publish}: at once in memory,
     * else with its group; call {@link GroupCommit#await} outside the lock before answering.
     */
    private CompletableFuture<Void> commit(List<Persistence.Change> changes, Runnable publish) {
        if (groupCommit == null) {
            persistence.apply(changes);
            publish.run();
            return DONE;
        }
        return groupCommit.submit(changes, publish);
    }

    /** Under the write lock: after a failed group, the writer's view forgets the writes that were not stored. */
    private void recoverFromFailedGroup() {
        if (groupCommit != null && groupCommit.takeFailure()) {
            groupCommit.drain();
            resyncWriterView();
        }
    }

    /** Under the write lock, with nothing in flight: the writer's view becomes the readers' view again. */
    private void resyncWriterView() {
        if (writers != readers) {
            writers.accounts().clear();
            writers.accounts().putAll(serviceAccounts);
            writers.secrets().clear();
            writers.secrets().putAll(secretsByClient);
            writers.keysByPublicKey().clear();
            writers.keysByPublicKey().putAll(apiKeysByPublicKey);
            writers.keysById().clear();
            writers.keysById().putAll(apiKeysById);
        }
    }

    /** Under the write lock: waits for every write in flight (before a whole-state operation). */
    private void drain() {
        if (groupCommit != null) {
            groupCommit.drain();
        }
    }

    public int maxSecretsPerAccount() {
        return maxSecretsPerAccount;
    }

    /** Loads what the persistence holds; returns false if it was never seeded. */
    public boolean restore() {
        synchronized (writeLock) {
            drain();
            // One return for both outcomes (see TokenService.issue: PIT cannot tell "return false" from its
            // mutant "return false" inside a synchronized block).
            boolean seeded = persistence.initialized();
            if (seeded) {
                apply(persistence.load());
                resyncWriterView();
            }
            return seeded;
        }
    }

    /** Adds a seed document (rejecting ids that exist already) and persists it. */
    public void load(String source, SeedDocument seed) {
        synchronized (writeLock) {
            drain();
            Persistence.Snapshot snapshot = toSnapshot(source, seed);
            persistence.saveAll(snapshot);
            apply(snapshot);
            resyncWriterView();
        }
    }

    /** Forgets everything, in memory and on disk. */
    public void clear() {
        synchronized (writeLock) {
            drain();
            persistence.clear();
            organizations.clear();
            projects.clear();
            serviceAccounts.clear();
            secretsByClient.clear();
            apiKeysByPublicKey.clear();
            apiKeysById.clear();
            resyncWriterView();
        }
    }

    public Optional<Organization> organization(String id) {
        return Optional.ofNullable(organizations.get(id));
    }

    public Optional<Project> project(String id) {
        return Optional.ofNullable(projects.get(id));
    }

    public Optional<ServiceAccount> serviceAccount(String clientId) {
        return Optional.ofNullable(serviceAccounts.get(clientId));
    }

    public Optional<StoredApiKey> apiKeyByPublicKey(String publicKey) {
        return Optional.ofNullable(apiKeysByPublicKey.get(publicKey));
    }

    public List<StoredSecret> secretsOf(String clientId) {
        return secretsByClient.getOrDefault(clientId, SecretList.EMPTY);
    }

    /** Whether the account still holds the secret (a token dies with the secret that obtained it). */
    public boolean hasSecret(String clientId, String secretId) {
        for (StoredSecret secret : secretsOf(clientId)) {
            if (secret.id().equals(secretId)) {
                return true;
            }
        }
        return false;
    }

    /** The organization's service accounts, ordered by client id. */
    public List<ServiceAccount> serviceAccountsOf(String orgId) {
        return serviceAccounts.values().stream()
                .filter(a -> a.orgId().equals(orgId))
                .sorted(Comparator.comparing(ServiceAccount::clientId))
                .toList();
    }

    /** The organization's API keys, ordered by id. */
    public List<StoredApiKey> apiKeysOf(String orgId) {
        return apiKeysById.values().stream()
                .filter(k -> k.orgId().equals(orgId))
                .sorted(Comparator.comparing(StoredApiKey::id))
                .toList();
    }

    /** The organization's API key with this id, if any (another organization's key is not found). */
    public Optional<StoredApiKey> apiKey(String orgId, String id) {
        return Optional.ofNullable(apiKeysById.get(id)).filter(k -> k.orgId().equals(orgId));
    }

    /**
     * Deletes a secret of the account: persisted before the change becomes visible, so an acknowledged delete
     * survives a crash. Returns the deleted secret, or empty for an id the account does not hold.
     */
    public Optional<StoredSecret> deleteSecret(String clientId, String secretId) {
        return write(view -> {
            SecretList existing = view.secrets().getOrDefault(clientId, SecretList.EMPTY);
            List<StoredSecret> kept = new ArrayList<>(existing.size());
            StoredSecret deleted = null;
            for (StoredSecret secret : existing) {
                if (secret.id().equals(secretId)) {
                    deleted = secret;
                } else {
                    kept.add(secret);
                }
            }
            if (deleted == null) {
                return Write.nothing(Optional.empty());
            }
            SecretList next = SecretList.of(kept);
            return new Write<>(
                    Optional.of(deleted),
                    List.of(new Persistence.RemoveSecret(secretId)),
                    v -> v.secrets().put(clientId, next));
        });
    }

    /**
     * Deletes an API key of the organization, persisted before it becomes visible; Digest with it fails from then
     * on. Returns the deleted key, or empty for an id the organization does not hold.
     */
    public Optional<StoredApiKey> deleteApiKey(String orgId, String id) {
        return write(view -> {
            StoredApiKey found = view.keysById().get(id);
            if (found == null || !found.orgId().equals(orgId)) {
                return Write.nothing(Optional.empty());
            }
            return new Write<>(Optional.of(found), List.of(new Persistence.RemoveApiKey(id)), v -> {
                v.keysByPublicKey().remove(found.publicKey());
                v.keysById().remove(id);
            });
        });
    }

    /**
     * Changes an API key of the organization: a non-null {@code desc} replaces its description, non-null
     * {@code roles} its organization roles (its project roles, keys and Digest hash stay). Persisted before it
     * becomes visible. Returns the changed key, or empty for an id the organization does not hold.
     */
    public Optional<StoredApiKey> updateApiKey(String orgId, String id, String desc, List<String> roles) {
        return write(view -> {
            StoredApiKey found = view.keysById().get(id);
            if (found == null || !found.orgId().equals(orgId)) {
                return Write.nothing(Optional.empty());
            }
            StoredApiKey changed = new StoredApiKey(
                    id,
                    orgId,
                    found.publicKey(),
                    found.ha1(),
                    found.maskedPrivateKey(),
                    desc != null ? desc : found.desc(),
                    roles != null ? roles : found.roles(),
                    found.projectRoles());
            return new Write<>(Optional.of(changed), List.of(new Persistence.SaveApiKey(changed)), v -> {
                v.keysByPublicKey().put(changed.publicKey(), changed);
                v.keysById().put(id, changed);
            });
        });
    }

    /**
     * Changes a service account: each non-null argument replaces its name, description or organization roles (its
     * project roles, secrets and tokens stay). Persisted before it becomes visible. Returns the changed account, or
     * empty for an unknown client id.
     */
    public Optional<ServiceAccount> updateServiceAccount(
            String clientId, String name, String description, Set<String> roles) {
        return write(view -> {
            ServiceAccount found = view.accounts().get(clientId);
            if (found == null) {
                return Write.nothing(Optional.empty());
            }
            ServiceAccount changed = new ServiceAccount(
                    clientId,
                    found.orgId(),
                    name != null ? name : found.name(),
                    roles != null ? roles : found.roles(),
                    found.projectRoles(),
                    description != null ? description : found.description(),
                    found.createdAt());
            return new Write<>(
                    Optional.of(changed),
                    List.of(new Persistence.SaveServiceAccount(changed)),
                    v -> v.accounts().put(clientId, changed));
        });
    }

    /** The outcome of checking a client id and secret. */
    public enum SecretCheck {
        UNKNOWN,
        EXPIRED,
        VALID
    }

    /** A checked secret: whether it matched and, if so, which one. */
    public record SecretMatch(SecretCheck check, StoredSecret secret) {}

    /** Checks a secret against the account's stored salted hashes, in constant time per candidate. */
    public SecretMatch checkSecret(String clientId, String secret) {
        StoredSecret match = null;
        for (StoredSecret candidate : secretsOf(clientId)) {
            if (Crypto.constantTimeEquals(candidate.hash(), Crypto.saltedSha256(candidate.salt(), secret))) {
                match = candidate;
            }
        }
        if (match == null || !serviceAccounts.containsKey(clientId)) {
            return new SecretMatch(SecretCheck.UNKNOWN, null);
        }
        return new SecretMatch(match.expiredAt(clock.now()) ? SecretCheck.EXPIRED : SecretCheck.VALID, match);
    }

    /** Records that a secret obtained a token now. */
    public void markUsed(StoredSecret secret) {
        markUsed(secret, clock.nowSeconds());
    }

    private void markUsed(StoredSecret secret, Instant now) {
        write(view -> {
            List<StoredSecret> current =
                    new ArrayList<>(view.secrets().getOrDefault(secret.clientId(), SecretList.EMPTY));
            List<StoredSecret> used = new ArrayList<>(1);
            for (int i = 0; i < current.size(); i++) {
                if (current.get(i).id().equals(secret.id())) {
                    StoredSecret marked = current.get(i).withLastUsedAt(now);
                    used.add(marked);
                    current.set(i, marked);
                }
            }
            SecretList next = SecretList.of(current);
            List<Persistence.Change> changes = used.isEmpty() ? List.of() : List.of(new Persistence.SaveSecrets(used));
            return new Write<>(null, changes, v -> v.secrets().put(secret.clientId(), next));
        });
    }

    /** A secret just created: the only moment its plain value exists. */
    public record CreatedSecret(StoredSecret stored, String plainSecret) {
        @Override
        public String toString() {
            return "CreatedSecret[" + stored + "]";
        }
    }

    /** Thrown when the account already holds the maximum number of secrets. */
    public static final class SecretLimitReached extends Exception {
        public SecretLimitReached() {
            super("secret limit reached", null, false, false);
        }
    }

    /** A created secret's random characters (after {@code mdb_sa_sk_}) and its hash's salt. */
    private static final int SECRET_CHARACTERS = 40;

    private static final int SALT_BYTES = 16;

    /**
     * Creates a secret valid for {@code hours}, shortening older secrets to at most 7 days from now.
     */
    public CreatedSecret createSecret(String clientId, int hours) throws SecretLimitReached {
        // One draw for the secret's 40 characters and its 16-byte salt: the DRBG's SHA-256 work was 7 % of the
        // emulator's CPU samples, and each draw also rehashes its state.
        byte[] random = Crypto.randomBytes(SECRET_CHARACTERS + SALT_BYTES);
        String plain = "mdb_sa_sk_" + Crypto.urlSafe(random, 0, SECRET_CHARACTERS);
        byte[] salt = Arrays.copyOfRange(random, SECRET_CHARACTERS, SECRET_CHARACTERS + SALT_BYTES);
        // Everything that needs no state is computed outside the write lock.
        byte[] hash = Crypto.saltedSha256(salt, plain);
        String masked = mask(plain);
        String id = newSecretId();
        return write(view -> {
            SecretList existing = view.secrets().getOrDefault(clientId, SecretList.EMPTY);
            if (existing.size() >= maxSecretsPerAccount) {
                throw new SecretLimitReached();
            }
            Instant now = clock.nowSeconds();
            Instant graceLimit = now.plus(OLDER_SECRET_GRACE);
            // A stored secret is mostly references: it shares the account's client id and, with the secrets created
            // in the same second, its timestamps, instead of holding copies (about a quarter of its heap).
            ServiceAccount account = serviceAccounts.get(clientId);
            StoredSecret created = new StoredSecret(
                    id,
                    account == null ? clientId : account.clientId(),
                    salt,
                    hash,
                    masked,
                    sharedInstants.of(now),
                    sharedInstants.of(now.plus(hours, ChronoUnit.HOURS)),
                    null);
            CreatedSecret result = new CreatedSecret(created, plain);
            if (!existing.latestExpiry().isAfter(graceLimit)) {
                // No older secret outlives the grace period (the usual case): nothing to shorten.
                SecretList next = existing.append(created);
                return new Write<>(
                        result,
                        List.of(new Persistence.CreateSecret(created)),
                        v -> v.secrets().put(clientId, next));
            }
            List<StoredSecret> changed = new ArrayList<>();
            List<StoredSecret> updated = new ArrayList<>();
            for (StoredSecret older : existing) {
                if (older.expiresAt().isAfter(graceLimit)) {
                    StoredSecret shortened = older.withExpiresAt(graceLimit);
                    changed.add(shortened);
                    updated.add(shortened);
                } else {
                    updated.add(older);
                }
            }
            changed.add(created);
            updated.add(created);
            SecretList next = SecretList.of(updated);
            return new Write<>(
                    result,
                    List.of(new Persistence.SaveSecrets(changed)),
                    v -> v.secrets().put(clientId, next));
        });
    }

    /** An API key just created: the only moment its private key exists in plain. */
    public record CreatedApiKey(StoredApiKey stored, String plainPrivateKey) {
        @Override
        public String toString() {
            return "CreatedApiKey[" + stored + "]";
        }
    }

    public CreatedApiKey createApiKey(String orgId, String desc, List<String> roles) {
        String privateKey = Crypto.randomUuid().toString();
        return write(view -> {
            String publicKey;
            do {
                publicKey = Crypto.randomLowercase(8);
            } while (view.keysByPublicKey().containsKey(publicKey));
            String id;
            do {
                id = Crypto.objectId();
            } while (view.keysById().containsKey(id));
            StoredApiKey key = new StoredApiKey(
                    id,
                    orgId,
                    publicKey,
                    DigestHash.ha1(publicKey, privateKey),
                    maskPrivateKey(privateKey),
                    desc,
                    roles);
            return new Write<>(new CreatedApiKey(key, privateKey), List.of(new Persistence.CreateApiKey(key)), v -> {
                v.keysByPublicKey().put(key.publicKey(), key);
                v.keysById().put(key.id(), key);
            });
        });
    }

    public static String mask(String secret) {
        return "mdb_sa_sk_..." + secret.substring(secret.length() - 4);
    }

    public static String maskPrivateKey(String privateKey) {
        return "********-****-****-" + privateKey.substring(privateKey.length() - 12);
    }

    private String newSecretId() {
        return Crypto.objectId();
    }

    private void apply(Persistence.Snapshot snapshot) {
        snapshot.organizations().forEach(o -> organizations.put(o.id(), o));
        snapshot.projects().forEach(p -> projects.put(p.id(), p));
        snapshot.serviceAccounts().forEach(sa -> serviceAccounts.put(sa.clientId(), sa));
        Map<String, List<StoredSecret>> grouped = new LinkedHashMap<>();
        snapshot.secrets()
                .forEach(s -> grouped.computeIfAbsent(s.clientId(), k -> new ArrayList<>())
                        .add(s));
        grouped.forEach((clientId, list) -> {
            List<StoredSecret> merged = new ArrayList<>(secretsOf(clientId));
            merged.addAll(list);
            secretsByClient.put(clientId, SecretList.of(merged));
        });
        snapshot.apiKeys().forEach(k -> {
            apiKeysByPublicKey.put(k.publicKey(), k);
            apiKeysById.put(k.id(), k);
        });
    }

    private Persistence.Snapshot toSnapshot(String source, SeedDocument seed) {
        List<Organization> orgs = new ArrayList<>();
        List<Project> projectList = new ArrayList<>();
        List<ServiceAccount> accounts = new ArrayList<>();
        List<StoredSecret> secrets = new ArrayList<>();
        List<StoredApiKey> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Instant now = clock.nowSeconds();
        for (int o = 0; o < seed.organizations().size(); o++) {
            SeedDocument.Organization org = seed.organizations().get(o);
            String path = "$.organizations[" + o + "]";
            requireNew(
                    source,
                    path + ".id",
                    org.id(),
                    organizations.containsKey(org.id()) || projects.containsKey(org.id()),
                    seen);
            orgs.add(new Organization(org.id(), org.name(), org.maxServiceAccountSecretValidityInHours()));
            for (int p = 0; p < org.projects().size(); p++) {
                SeedDocument.Project project = org.projects().get(p);
                requireNew(
                        source,
                        path + ".projects[" + p + "].id",
                        project.id(),
                        projects.containsKey(project.id()) || organizations.containsKey(project.id()),
                        seen);
                projectList.add(new Project(project.id(), org.id(), project.name()));
            }
            for (int s = 0; s < org.serviceAccounts().size(); s++) {
                SeedDocument.ServiceAccount sa = org.serviceAccounts().get(s);
                String saPath = path + ".serviceAccounts[" + s + "]";
                requireNew(
                        source, saPath + ".clientId", sa.clientId(), serviceAccounts.containsKey(sa.clientId()), seen);
                if (sa.secrets().size() > maxSecretsPerAccount) {
                    throw new SeedException(
                            source,
                            saPath + ".secrets",
                            "at most " + maxSecretsPerAccount + " secrets per service account");
                }
                accounts.add(new ServiceAccount(
                        sa.clientId(),
                        org.id(),
                        sa.name(),
                        sa.roles(),
                        sa.projectRoles(),
                        sa.description() != null ? sa.description() : sa.name(),
                        sa.createdAt() != null ? sa.createdAt() : now));
                for (int i = 0; i < sa.secrets().size(); i++) {
                    SeedDocument.Secret secret = sa.secrets().get(i);
                    byte[] salt = Crypto.randomBytes(16);
                    // An expired seed secret without createdAt was created when it expired at the latest.
                    Instant created = secret.createdAt() != null
                            ? secret.createdAt()
                            : secret.expiresAt().isBefore(now) ? secret.expiresAt() : now;
                    String secretId = secret.id() != null ? secret.id() : newSecretId();
                    if (secret.id() != null) {
                        requireNew(source, saPath + ".secrets[" + i + "].id", secretId, hasSecretId(secretId), seen);
                    }
                    secrets.add(new StoredSecret(
                            secretId,
                            sa.clientId(),
                            salt,
                            Crypto.saltedSha256(salt, secret.secret()),
                            mask(secret.secret()),
                            created,
                            secret.expiresAt(),
                            null));
                }
            }
            for (int k = 0; k < org.apiKeys().size(); k++) {
                SeedDocument.ApiKey key = org.apiKeys().get(k);
                String keyPath = path + ".apiKeys[" + k + "]";
                requireNew(
                        source,
                        keyPath + ".publicKey",
                        key.publicKey(),
                        apiKeysByPublicKey.containsKey(key.publicKey()),
                        seen);
                String id = key.id() != null ? key.id() : Crypto.objectId();
                requireNew(source, keyPath + ".id", id, apiKeysById.containsKey(id), seen);
                keys.add(new StoredApiKey(
                        id,
                        org.id(),
                        key.publicKey(),
                        DigestHash.ha1(key.publicKey(), key.privateKey()),
                        maskPrivateKey(key.privateKey()),
                        key.desc(),
                        key.roles(),
                        key.projectRoles()));
            }
        }
        return new Persistence.Snapshot(orgs, projectList, accounts, secrets, keys);
    }

    private boolean hasSecretId(String id) {
        return secretsByClient.values().stream().anyMatch(list -> list.stream().anyMatch(s -> s.id().equals(id)));
    }

    private static void requireNew(String source, String path, String id, boolean exists, Set<String> seen) {
        if (exists || !seen.add(id)) {
            throw new SeedException(source, path, "duplicate id " + id);
        }
    }
}
