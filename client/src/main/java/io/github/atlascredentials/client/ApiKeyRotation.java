package io.github.atlascredentials.client;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.ApiKeyRole;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.PaginatedApiKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rotates a programmatic API key in two steps: {@link #start()} reads the old key, creates a new key with the
 * old key's description and roles and proves it with an HTTP Digest call (it reads itself back); once every user
 * of the old key has switched, {@link #retireOldKey()} deletes the old key. It never deletes the key the client
 * authenticates with unless {@link Builder#allowRetiringOwnKey()} says so. Rotations of one key through one client
 * run one at a time, and a key whose rotation through this client started and was not retired is not rotated
 * again. Every failure is a {@link RotationException}; a new key whose private key is lost (its create answer was
 * lost, or its proof failed) is deleted again, or named as an orphan.
 *
 * <pre>{@code
 * ApiKeyRotation rotation = ApiKeyRotation.ofAtlasOrgApiKey(atlas, orgId, oldKeyId).build();
 * ApiKeyRotation.Started started = rotation.start();
 * // hand started.credential() to the users of the key, then:
 * rotation.retireOldKey();
 * }</pre>
 */
public final class ApiKeyRotation {
    private final AtlasCredentialsClient client;
    private final boolean atlas;
    private final String orgId;
    private final String oldKeyId;
    private final boolean allowOwn;

    private ApiKeyRotation(Builder b) {
        this.client = b.client;
        this.atlas = b.atlas;
        this.orgId = b.orgId;
        this.oldKeyId = b.oldKeyId;
        this.allowOwn = b.allowOwn;
    }

    /** An organization API key, through the Atlas Admin API v2 (in the media-type version the spec gives these operations). */
    public static Builder ofAtlasOrgApiKey(AtlasCredentialsClient client, String orgId, String apiKeyId) {
        return new Builder(client, true, orgId, apiKeyId);
    }

    /** An organization API key, through the Cloud Manager Public API v1.0. */
    public static Builder ofCloudManagerOrgApiKey(AtlasCredentialsClient client, String orgId, String apiKeyId) {
        return new Builder(client, false, orgId, apiKeyId);
    }

    /** The result of {@link #start()}: the new key (its private key is in here only) and the id of the old one. */
    public record Started(ApiKey newKey, ApiKeyCredential credential, String oldKeyId) {
        @Override
        public String toString() {
            return "ApiKeyRotation.Started[newKeyId=" + newKey.getId() + ", publicKey=" + newKey.getPublicKey()
                    + ", oldKeyId=" + oldKeyId + "]";
        }
    }

    /**
     * Step one: create the new key with the old key's description and roles, and prove it with Digest.
     *
     * @throws RotationException on every failure; its message and accessors say what was done and what to do
     */
    public Started start() {
        return client.rotationLocks().serialized(lockKey(), this::startAlone);
    }

    private Started startAlone() {
        RotationException.Report report = new RotationException.Report();
        String replacement = client.rotationLocks().replacementOf(oldKeyId);
        if (replacement != null) {
            throw report.fail(
                    "API key " + oldKeyId + " is already being replaced by key " + replacement + " through this"
                            + " client (started, not retired); nothing was created. Finish that rotation with retireOldKey()",
                    null);
        }
        ApiKey old = readOldKey(report, "nothing was created");
        if (old == null) {
            throw report.fail(
                    "API key " + oldKeyId + " no longer exists (another rotation may have retired it);"
                            + " nothing was created",
                    null);
        }
        Set<OrgRoleName> roles = new LinkedHashSet<>();
        List<String> uncopyable = new ArrayList<>();
        for (ApiKeyRole role : old.getRoles()) {
            Optional<OrgRoleName> known = ApiKeyRoles.knownOrgRole(role);
            if (ApiKeyRoles.isProjectRole(role)) {
                uncopyable.add(role.getRoleName() + " on project " + role.getGroupId());
            } else if (orgId.equals(role.getOrgId())) {
                known.ifPresentOrElse(roles::add, () -> uncopyable.add(role.getRoleName()));
            }
        }
        if (!uncopyable.isEmpty()) {
            // A new key without them would silently lose access: refuse before creating anything.
            throw report.fail(
                    "API key " + oldKeyId + " has roles this client cannot give a new key ("
                            + String.join(", ", uncopyable)
                            + "): project roles need the project API-key operations, which this client"
                            + " does not call, and an organization role this client does not know cannot be requested. Nothing was"
                            + " created; the old key is unchanged",
                    null);
        }
        Set<String> before = keyIds(report, "nothing was created");
        ApiKey created = createChecked(old, roles, before, report);
        report.created(created.getId());
        ApiKeyCredential credential = ApiKeyCredential.of(created.getPublicKey(), created.getPrivateKey());
        try (AtlasCredentialsClient proof = client.withCredential(credential)) {
            ApiKey self = atlas
                    ? proof.getOrgApiKey(orgId, created.getId())
                    : proof.getCloudManagerOrgApiKey(orgId, created.getId());
            if (!created.getId().equals(self.getId())) {
                throw new AtlasResponseException(200, "the new key read back another key", "");
            }
        } catch (AtlasClientException e) {
            throw deleteUnusable(
                    created.getId(),
                    report,
                    "The new API key " + created.getId() + " (public key " + created.getPublicKey()
                            + ") failed its Digest proof (" + e.getMessage() + ")",
                    e);
        }
        report.proven();
        client.rotationLocks().replacementStarted(oldKeyId, created.getId());
        return new Started(created, credential, oldKeyId);
    }

    private ApiKey createChecked(
            ApiKey old, Set<OrgRoleName> roles, Set<String> before, RotationException.Report report) {
        try {
            return atlas
                    ? client.createAtlasOrgApiKey(orgId, old.getDesc(), roles)
                    : client.createOrgApiKey(orgId, old.getDesc(), roles);
        } catch (AtlasClientException e) {
            if (!SecretRotation.ambiguous(e)) {
                throw report.fail(
                        "Creating the new API key was refused (" + e.getMessage() + "); no key was created and the"
                                + " old key " + oldKeyId + " is unchanged",
                        e);
            }
            Set<String> after;
            try {
                after = keyIds(report, "");
            } catch (RotationException unread) {
                report.outcomeUnknown();
                throw report.fail(
                        "Creating the new API key got no usable answer (" + e.getMessage() + ") and listing the"
                                + " organization's keys to check failed too: the service may have created a key (description \""
                                + old.getDesc() + "\") whose private key is lost. List the keys and delete such a key",
                        e);
            }
            after.removeAll(before);
            if (after.isEmpty()) {
                throw report.fail(
                        "Creating the new API key got no usable answer (" + e.getMessage() + "); listing the keys"
                                + " again shows no new key, so none was created. The old key " + oldKeyId
                                + " is unchanged",
                        e);
            }
            if (after.size() > 1) {
                report.outcomeUnknown();
                throw report.fail(
                        "Creating the new API key got no usable answer (" + e.getMessage() + ") and keys " + after
                                + " appeared: one may be this rotation's (private key lost), the others someone else's. Nothing was"
                                + " deleted; delete the key nobody holds",
                        e);
            }
            String id = after.iterator().next();
            report.created(id);
            throw deleteUnusable(
                    id,
                    report,
                    "Creating the new API key got no usable answer (" + e.getMessage()
                            + "), but the service created it: key " + id + ", whose private key is lost",
                    e);
        }
    }

    /** Deletes a key this rotation created and cannot hand over; names it as an orphan when that fails too. */
    private RotationException deleteUnusable(
            String id, RotationException.Report report, String problem, Throwable cause) {
        try {
            deleteKey(id);
            report.deleted(id);
            return report.fail(problem + ". It was deleted again; the old key " + oldKeyId + " is unchanged", cause);
        } catch (AtlasClientException deleteFailed) {
            if (deleteFailed instanceof AtlasApiException api && api.status() == 404) {
                return report.fail(problem + ". It is gone already; the old key " + oldKeyId + " is unchanged", cause);
            }
            report.orphan(id);
            return report.fail(
                    problem + ". Deleting it failed too (" + deleteFailed.getMessage() + "): key " + id
                            + " is an orphan with the old key's roles that nobody holds; delete it",
                    cause);
        }
    }

    /**
     * Step two: deletes the old key once its users have switched. Refuses when the old key is the one this client
     * authenticates with, unless allowed. A delete whose answer is lost is sent once more by the workflow: a 404
     * then means the key is gone (by the first attempt or by someone else: a 404 cannot tell which).
     *
     * @return true when this call's delete was answered, false when the key was found gone
     * @throws RotationException on every failure
     */
    public boolean retireOldKey() {
        return client.rotationLocks().serialized(lockKey(), this::retireAlone);
    }

    private boolean retireAlone() {
        RotationException.Report report = new RotationException.Report().leftToRetire(List.of(oldKeyId));
        if (!allowOwn && client.credential() instanceof ApiKeyCredential own) {
            ApiKey old = readOldKey(report, "nothing was deleted");
            if (old == null) {
                client.rotationLocks().replacementFinished(oldKeyId);
                return false;
            }
            if (own.publicKey().equals(old.getPublicKey())) {
                throw report.fail(
                        "API key " + oldKeyId + " is the one this client authenticates with; retire it"
                                + " from a client that uses the new key, or set allowRetiringOwnKey(). Nothing was deleted",
                        null);
            }
        }
        boolean deleted = deleteOldKey(report);
        client.rotationLocks().replacementFinished(oldKeyId);
        return deleted;
    }

    private boolean deleteOldKey(RotationException.Report report) {
        try {
            deleteKey(oldKeyId);
            return true;
        } catch (AtlasClientException e) {
            if (e instanceof AtlasApiException api && api.status() == 404) {
                return false;
            }
            if (!SecretRotation.ambiguous(e)) {
                throw report.fail("Deleting the old API key " + oldKeyId + " was refused (" + e.getMessage() + ")", e);
            }
        }
        try {
            deleteKey(oldKeyId);
            return true;
        } catch (AtlasClientException again) {
            if (again instanceof AtlasApiException api && api.status() == 404) {
                return false; // already gone: by the first attempt whose answer was lost, or by someone else meanwhile
            }
            report.outcomeUnknown();
            throw report.fail(
                    "Deleting the old API key " + oldKeyId + " failed twice (" + again.getMessage()
                            + "); it may or may not be deleted: read it before acting again",
                    again);
        }
    }

    /** The old key, or null when it is gone (404). */
    private ApiKey readOldKey(RotationException.Report report, String whatElse) {
        try {
            return atlas ? client.getOrgApiKey(orgId, oldKeyId) : client.getCloudManagerOrgApiKey(orgId, oldKeyId);
        } catch (AtlasApiException e) {
            if (e.status() == 404) {
                return null;
            }
            throw report.fail("Reading API key " + oldKeyId + " failed (" + e.getMessage() + "); " + whatElse, e);
        } catch (AtlasClientException e) {
            throw report.fail("Reading API key " + oldKeyId + " failed (" + e.getMessage() + "); " + whatElse, e);
        }
    }

    /** The ids of every key of the organization, page by page. */
    private Set<String> keyIds(RotationException.Report report, String whatElse) {
        Set<String> ids = new HashSet<>();
        try {
            int pageSize = PageRequest.maxItemsPerPage(); // the largest page the spec allows: few calls
            for (PageRequest page = PageRequest.first(pageSize); ; page = page.next()) {
                PaginatedApiKeys keys =
                        atlas ? client.listOrgApiKeys(orgId, page) : client.listCloudManagerOrgApiKeys(orgId, page);
                List<ApiKey> results = keys.getResults() == null ? List.of() : keys.getResults();
                results.forEach(k -> ids.add(k.getId()));
                if (results.size() < pageSize) {
                    return ids;
                }
            }
        } catch (AtlasClientException e) {
            throw report.fail(
                    "Listing the API keys of organization " + orgId + " failed (" + e.getMessage() + "); " + whatElse,
                    e);
        }
    }

    private void deleteKey(String id) {
        if (atlas) {
            client.deleteOrgApiKey(orgId, id);
        } else {
            client.deleteCloudManagerOrgApiKey(orgId, id);
        }
    }

    private String lockKey() {
        return "apiKey:" + oldKeyId;
    }

    /** Settings of an API key rotation. */
    public static final class Builder {
        private final AtlasCredentialsClient client;
        private final boolean atlas;
        private final String orgId;
        private final String oldKeyId;
        private boolean allowOwn;

        private Builder(AtlasCredentialsClient client, boolean atlas, String orgId, String oldKeyId) {
            this.client = Objects.requireNonNull(client, "client");
            this.atlas = atlas;
            this.orgId = Objects.requireNonNull(orgId, "orgId");
            this.oldKeyId = Objects.requireNonNull(oldKeyId, "apiKeyId");
        }

        /** Allows deleting the key the client authenticates with (its own access then ends). */
        public Builder allowRetiringOwnKey() {
            this.allowOwn = true;
            return this;
        }

        /**
         * The rotation.
         *
         * @throws AtlasValidationException when the organization or key id is outside the spec's bounds
         */
        public ApiKeyRotation build() {
            client.checkPathParameters(
                    atlas ? "getOrgApiKey" : "getCloudManagerOrgApiKey", "orgId", orgId, "apiUserId", oldKeyId);
            return new ApiKeyRotation(this);
        }
    }
}
