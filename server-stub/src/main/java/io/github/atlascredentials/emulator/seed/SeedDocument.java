package io.github.atlascredentials.emulator.seed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seed data the emulator starts with (see docs/emulator.md for the JSON shape). Plain secrets
 * and private keys live here only until the state hashes them; {@code toString()} never prints them.
 */
public record SeedDocument(List<Organization> organizations) {
    public SeedDocument {
        organizations = List.copyOf(organizations);
    }

    public record Organization(
            String id,
            String name,
            int maxServiceAccountSecretValidityInHours,
            List<Project> projects,
            List<ServiceAccount> serviceAccounts,
            List<ApiKey> apiKeys) {
        public Organization {
            projects = List.copyOf(projects);
            serviceAccounts = List.copyOf(serviceAccounts);
            apiKeys = List.copyOf(apiKeys);
        }
    }

    public record Project(String id, String name) {}

    /** {@code description} and {@code createdAt} are optional (null: the name, and the time of seeding). */
    public record ServiceAccount(
            String clientId,
            String name,
            Set<String> roles,
            Map<String, Set<String>> projectRoles,
            List<Secret> secrets,
            String description,
            Instant createdAt) {
        public ServiceAccount {
            roles = Set.copyOf(roles);
            projectRoles = Map.copyOf(projectRoles);
            secrets = List.copyOf(secrets);
        }

        public ServiceAccount(
                String clientId,
                String name,
                Set<String> roles,
                Map<String, Set<String>> projectRoles,
                List<Secret> secrets) {
            this(clientId, name, roles, projectRoles, secrets, null, null);
        }
    }

    /**
     * A seeded secret: {@code id} is optional (null: a random one), {@code createdAt} too (null: now, or
     * {@code expiresAt} if that is earlier). {@code expiresAt} may be in the past: an expired secret occupies a slot.
     */
    public record Secret(String id, String secret, Instant createdAt, Instant expiresAt) {
        public Secret(String secret, Instant createdAt, Instant expiresAt) {
            this(null, secret, createdAt, expiresAt);
        }

        @Override
        public String toString() {
            return "Secret[id=" + id + ", secret=****, expiresAt=" + expiresAt + "]";
        }
    }

    /** {@code roles} are organization roles; {@code projectRoles} the key's roles per project of the organization. */
    public record ApiKey(
            String id,
            String publicKey,
            String privateKey,
            String desc,
            List<String> roles,
            Map<String, Set<String>> projectRoles) {
        public ApiKey {
            roles = List.copyOf(roles);
            projectRoles = Map.copyOf(projectRoles);
        }

        public ApiKey(String id, String publicKey, String privateKey, String desc, List<String> roles) {
            this(id, publicKey, privateKey, desc, roles, Map.of());
        }

        @Override
        public String toString() {
            return "ApiKey[id=" + id + ", publicKey=" + publicKey + ", privateKey=****]";
        }
    }
}
