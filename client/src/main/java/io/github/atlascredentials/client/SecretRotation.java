package io.github.atlascredentials.client;

import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.auth.TokenGrant;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.spec.rules.ApiRules;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rotates the secret of a service account in two steps, with only the toolkit:
 *
 * <ol>
 *   <li>{@link #start()} reads the account's secrets; when the account is at its limit it deletes expired
 *   secrets first, else the secret named with {@link Builder#retireIfFull(String)}, else it stops with a
 *   {@link RotationException} and changes nothing. It then creates the new secret and proves it by obtaining an
 *   access token with it (and revoking that token). It returns the new secret and the ids of the secrets left to
 *   retire.</li>
 *   <li>Once every user of the old secret has switched, {@link #retire(Collection)} deletes the old secrets.</li>
 * </ol>
 *
 * <p>It never deletes the secret the client authenticates with unless {@link Builder#allowRetiringOwnSecret()}
 * says so, and never deletes a secret when that would leave the account without an unexpired secret: it reads the
 * account again before every delete. Rotations of one account through one client run one at a time; a secret that
 * appears which this rotation neither created nor saw means another rotator is at work, and the rotation stops.
 * Every failure is a {@link RotationException} saying what was created, proven, deleted and left over; a secret
 * this rotation created and whose value it cannot hand over is deleted again, or named as an orphan. Secrets are
 * recognized by their masked value (the prefix and last four characters).
 *
 * <pre>{@code
 * SecretRotation rotation = SecretRotation.ofOrgServiceAccount(atlas, orgId, clientId)
 *     .secretExpiresAfterHours(720)
 *     .build();
 * SecretRotation.Started started = rotation.start();
 * // store started.newSecret().getSecret(), switch its users, then (ideally from a client on the new secret):
 * rotation.retire(started.toRetire());
 * }</pre>
 */
public final class SecretRotation {
    private static final int MAX_SECRETS = (int) ApiRules.builtIn().limit("maxSecretsPerServiceAccount");

    /** Where the service account lives, which decides the operations used. */
    private enum Scope {
        ORGANIZATION("createOrgServiceAccountSecret", "getOrgServiceAccount", "orgId"),
        PROJECT("createGroupServiceAccountSecret", "getGroupServiceAccount", "groupId"),
        CLOUD_MANAGER("createCloudManagerServiceAccountSecret", "getCloudManagerServiceAccount", "orgId");

        final String createOperation;
        final String readOperation;
        final String parentParameter;

        Scope(String createOperation, String readOperation, String parentParameter) {
            this.createOperation = createOperation;
            this.readOperation = readOperation;
            this.parentParameter = parentParameter;
        }
    }

    /** How a delete ended: this call deleted the secret, or it was gone already (deleted by someone else). */
    private enum Deletion {
        DELETED,
        ALREADY_GONE
    }

    private final AtlasCredentialsClient client;
    private final Scope scope;
    private final String parentId;
    private final String clientId;
    private final Integer hours;
    private final String retireIfFull;
    private final boolean allowOwn;
    private final Clock clock;

    private SecretRotation(Builder b) {
        this.client = b.client;
        this.scope = b.scope;
        this.parentId = b.parentId;
        this.clientId = b.clientId;
        this.hours = b.hours;
        this.retireIfFull = b.retireIfFull;
        this.allowOwn = b.allowOwn;
        this.clock = b.clock;
    }

    /** A service account of an organization, through the Atlas Admin API v2. */
    public static Builder ofOrgServiceAccount(AtlasCredentialsClient client, String orgId, String clientId) {
        return new Builder(client, Scope.ORGANIZATION, orgId, clientId);
    }

    /** A service account of a project, through the Atlas Admin API v2 project operations. */
    public static Builder ofGroupServiceAccount(AtlasCredentialsClient client, String groupId, String clientId) {
        return new Builder(client, Scope.PROJECT, groupId, clientId);
    }

    /** A service account of an organization, through the Cloud Manager Public API v1.0. */
    public static Builder ofCloudManagerServiceAccount(AtlasCredentialsClient client, String orgId, String clientId) {
        return new Builder(client, Scope.CLOUD_MANAGER, orgId, clientId);
    }

    /**
     * The result of {@link #start()}: the new secret, proven to work, and what is left to retire.
     *
     * @param toRetire the old secrets still in place, to retire once their users have switched
     * @param deletedExpired the expired secrets deleted to make room
     * @param deletedToMakeRoom the unexpired secret named with {@link Builder#retireIfFull(String)}, when it was deleted
     * @param proofTokenRevoked false when the token that proved the new secret could not be revoked: the secret works
     *     and is returned; that token stays valid until it expires
     */
    public record Started(
            ServiceAccountSecret newSecret,
            ServiceAccountCredential credential,
            List<String> toRetire,
            List<String> deletedExpired,
            Optional<String> deletedToMakeRoom,
            boolean proofTokenRevoked) {
        public Started {
            toRetire = List.copyOf(toRetire);
            deletedExpired = List.copyOf(deletedExpired);
            Objects.requireNonNull(deletedToMakeRoom, "deletedToMakeRoom");
        }

        @Override
        public String toString() {
            return "SecretRotation.Started[newSecretId=" + newSecret.getId() + ", toRetire=" + toRetire
                    + ", deletedExpired=" + deletedExpired + ", deletedToMakeRoom=" + deletedToMakeRoom.orElse(null)
                    + ", proofTokenRevoked=" + proofTokenRevoked + "]";
        }
    }

    /**
     * The result of {@link #retire(Collection)}.
     *
     * @param deleted the secrets whose delete this call saw answered (or, after two deletes without an answer, a
     *     re-read showed gone)
     * @param alreadyGone the secrets asked for that were found gone: retired by someone else, never there, or
     *     deleted by this call's first attempt whose answer was lost (its second attempt got 404)
     */
    public record Retired(List<String> deleted, List<String> alreadyGone) {
        public Retired {
            deleted = List.copyOf(deleted);
            alreadyGone = List.copyOf(alreadyGone);
        }
    }

    /**
     * Step one: make room if needed and allowed, create the new secret, prove it.
     *
     * @throws RotationException on every failure; its message and accessors say what was done and what to do
     */
    public Started start() {
        if (hours == null) {
            throw new IllegalStateException("this rotation was built with buildForRetiring(): it only retires");
        }
        return client.rotationLocks().serialized(clientId, this::startAlone);
    }

    private Started startAlone() {
        RotationException.Report report = new RotationException.Report();
        List<ServiceAccountSecret> secrets = read(report, "nothing was changed");
        Set<String> seen = new LinkedHashSet<>(ids(secrets));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> deletedExpired = new ArrayList<>();
        Set<String> gone = new LinkedHashSet<>();
        String deletedToMakeRoom = null;
        if (secrets.size() >= MAX_SECRETS) {
            for (ServiceAccountSecret secret : secrets) {
                if (expired(secret, now) && !isOwn(secret)) {
                    if (deleteChecked(secret.getId(), seen, report, false) == Deletion.DELETED) {
                        deletedExpired.add(secret.getId());
                    }
                    gone.add(secret.getId());
                }
            }
            if (secrets.size() - gone.size() >= MAX_SECRETS) {
                deletedToMakeRoom = makeRoomWithNamedSecret(secrets, seen, report);
                gone.add(retireIfFull);
            }
        }
        ServiceAccountSecret created = createChecked(seen, report);
        report.created(created.getId());
        ServiceAccountCredential credential = ServiceAccountCredential.of(clientId, created.getSecret());
        TokenGrant grant;
        try {
            grant = client.requestAccessToken(credential);
        } catch (AtlasClientException e) {
            throw deleteUnusable(
                    created.getId(),
                    report,
                    "The new secret " + created.getId() + " of " + clientId + " could not obtain an access token ("
                            + e.getMessage() + ")",
                    e);
        }
        report.proven();
        boolean revoked = true;
        try {
            client.revokeAccessToken(credential, grant.accessToken());
        } catch (AtlasClientException e) {
            // The secret is proven and its value is in hand: return it. The token expires by itself.
            revoked = false;
        }
        List<String> toRetire = new ArrayList<>();
        for (String id : seen) {
            if (!gone.contains(id)) {
                toRetire.add(id);
            }
        }
        return new Started(
                created, credential, toRetire, deletedExpired, Optional.ofNullable(deletedToMakeRoom), revoked);
    }

    /** Deletes the secret named with retireIfFull when that is safe; returns its id, or null when it was gone already. */
    private String makeRoomWithNamedSecret(
            List<ServiceAccountSecret> secrets, Set<String> seen, RotationException.Report report) {
        if (retireIfFull == null) {
            throw report.fail(
                    "Service account " + clientId + " already has the maximum of " + MAX_SECRETS
                            + " secrets and none of them has expired; nothing was created. Name the secret to retire with"
                            + " retireIfFull(secretId) (ids: " + ids(secrets) + ")",
                    null);
        }
        ServiceAccountSecret named = secrets.stream()
                .filter(s -> s.getId().equals(retireIfFull))
                .findFirst()
                .orElseThrow(() -> report.fail(
                        "Secret " + retireIfFull + " is not a secret of " + clientId + " (ids: " + ids(secrets)
                                + "); nothing was created",
                        null));
        if (isOwn(named) && !allowOwn) {
            throw report.fail(
                    "Secret " + retireIfFull + " is the one this client authenticates with; it is"
                            + " not deleted unless allowRetiringOwnSecret() is set. Nothing was created",
                    null);
        }
        return deleteChecked(retireIfFull, seen, report, true) == Deletion.DELETED ? retireIfFull : null;
    }

    /**
     * Reads the account again, stops when another rotator is at work or when the delete would leave no unexpired
     * secret (besides one this rotation is about to create), then deletes.
     */
    private Deletion deleteChecked(
            String secretId, Set<String> seen, RotationException.Report report, boolean mustLeaveAWorkingSecret) {
        List<ServiceAccountSecret> current = read(report, "nothing more was deleted");
        stopIfAnotherRotator(current, seen, report);
        if (current.stream().noneMatch(s -> s.getId().equals(secretId))) {
            return Deletion.ALREADY_GONE;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (mustLeaveAWorkingSecret
                && current.stream().noneMatch(s -> !s.getId().equals(secretId) && !expired(s, now))) {
            throw report.fail(
                    "Secret " + secretId + " is the only unexpired secret of " + clientId
                            + "; deleting it before the new secret exists could leave the account with no working secret."
                            + " Nothing was created",
                    null);
        }
        Deletion result = deleteOnce(secretId, report, "nothing was created");
        if (result == Deletion.DELETED) {
            report.deleted(secretId);
        }
        return result;
    }

    /** A secret neither created nor seen by this rotation means another rotator: stop before it races us to zero. */
    private void stopIfAnotherRotator(
            List<ServiceAccountSecret> current, Set<String> seen, RotationException.Report report) {
        List<String> strangers =
                ids(current).stream().filter(id -> !seen.contains(id)).toList();
        if (!strangers.isEmpty()) {
            throw report.fail(
                    "Secret " + strangers + " of " + clientId + " appeared while this rotation ran; another"
                            + " rotator is at work on this account. This rotation stopped and deleted nothing more; run one rotation"
                            + " at a time per account, then read the account and start again",
                    null);
        }
    }

    /**
     * Deletes, and when the answer is lost (or a 5xx) finds out what happened: a second DELETE (the workflow's
     * decision, not a hidden resend) that answers 404 means the first one was applied.
     */
    private Deletion deleteOnce(String secretId, RotationException.Report report, String whatElse) {
        try {
            delete(secretId);
            return Deletion.DELETED;
        } catch (AtlasApiException e) {
            if (e.status() == 404) {
                return Deletion.ALREADY_GONE;
            }
            if (!ambiguous(e)) {
                throw report.fail(
                        "Deleting secret " + secretId + " of " + clientId + " was refused (" + e.getMessage() + "); "
                                + whatElse,
                        e);
            }
        } catch (AtlasClientException e) {
            if (!ambiguous(e)) {
                throw report.fail(
                        "Deleting secret " + secretId + " of " + clientId + " failed (" + e.getMessage() + "); "
                                + whatElse,
                        e);
            }
        }
        try {
            delete(secretId);
            return Deletion.DELETED;
        } catch (AtlasApiException e) {
            if (e.status() == 404) {
                // Gone: by the first attempt whose answer was lost, or by someone else meanwhile; nobody can tell
                // which.
                return Deletion.ALREADY_GONE;
            }
            throw report.fail(
                    "Deleting secret " + secretId + " of " + clientId + " failed twice, the second time with "
                            + e.getMessage() + "; it may still be there. " + capitalize(whatElse),
                    e);
        } catch (AtlasClientException e) {
            return deletionSeenByReading(secretId, report, whatElse, e);
        }
    }

    /** After two deletes without an answer, the account itself says whether the secret is gone. */
    private Deletion deletionSeenByReading(
            String secretId, RotationException.Report report, String whatElse, AtlasClientException lastFailure) {
        List<ServiceAccountSecret> current;
        try {
            current = secrets();
        } catch (AtlasClientException unread) {
            report.outcomeUnknown();
            throw report.fail(
                    "Deleting secret " + secretId + " of " + clientId + " failed twice without an answer ("
                            + lastFailure.getMessage()
                            + ") and reading the account failed too; it may or may not be deleted. "
                            + capitalize(whatElse) + "; read the account before acting again",
                    lastFailure);
        }
        if (current.stream().noneMatch(s -> s.getId().equals(secretId))) {
            return Deletion.DELETED;
        }
        throw report.fail(
                "Deleting secret " + secretId + " of " + clientId + " failed twice without an answer ("
                        + lastFailure.getMessage() + "); it is still there. " + capitalize(whatElse),
                lastFailure);
    }

    /** Creates the new secret; a create whose outcome is unknown is looked for, and deleted when found. */
    private ServiceAccountSecret createChecked(Set<String> seen, RotationException.Report report) {
        try {
            return create();
        } catch (AtlasClientException e) {
            if (!ambiguous(e)) {
                throw report.fail(
                        "Creating the new secret of " + clientId + " was refused (" + e.getMessage()
                                + "); no secret was created",
                        e);
            }
            List<ServiceAccountSecret> after;
            try {
                after = secrets();
            } catch (AtlasClientException unread) {
                report.outcomeUnknown();
                throw report.fail(
                        "Creating the new secret of " + clientId + " got no usable answer (" + e.getMessage()
                                + ") and reading the account to check failed too (" + unread.getMessage()
                                + "): the service may have"
                                + " created a secret whose value is lost. Read the account: a secret not among " + seen
                                + " was created by this rotation; delete it",
                        e);
            }
            List<String> appeared =
                    ids(after).stream().filter(id -> !seen.contains(id)).toList();
            if (appeared.isEmpty()) {
                throw report.fail(
                        "Creating the new secret of " + clientId + " got no usable answer (" + e.getMessage()
                                + "); reading the account again shows no new secret, so none was created",
                        e);
            }
            if (appeared.size() > 1) {
                report.outcomeUnknown();
                throw report.fail(
                        "Creating the new secret of " + clientId + " got no usable answer (" + e.getMessage()
                                + ") and secrets " + appeared
                                + " appeared: one may be this rotation's (its value is lost), the others"
                                + " another rotator's. Nothing was deleted; find out which secret nobody holds and delete it",
                        e);
            }
            String id = appeared.get(0);
            report.created(id);
            throw deleteUnusable(
                    id,
                    report,
                    "Creating the new secret of " + clientId + " got no usable answer (" + e.getMessage()
                            + "), but the service created it: secret " + id + ", whose value is lost",
                    e);
        }
    }

    /** Deletes a secret this rotation created and cannot hand over; names it as an orphan when that fails too. */
    private RotationException deleteUnusable(
            String id, RotationException.Report report, String problem, Throwable cause) {
        try {
            if (deleteOnce(id, report, "it is left in place") == Deletion.DELETED) {
                report.deleted(id);
            }
            return report.fail(problem + ". It was deleted again; the old secrets are in place", cause);
        } catch (RotationException deleteFailed) {
            report.orphan(id);
            return report.fail(
                    problem + ". Deleting it failed too (" + deleteFailed.getMessage() + "): secret " + id
                            + " is an orphan nobody can use; delete it before the next rotation",
                    cause);
        }
    }

    /**
     * Step two: deletes the given secrets (usually {@link Started#toRetire()}) once their users have switched.
     * Refuses, before deleting anything, when a secret is the one this client authenticates with (unless allowed),
     * or when the account would be left without an unexpired secret; reads the account again before each delete.
     * Secrets already gone are reported as such.
     *
     * @throws RotationException on every failure, with what was deleted and what is left to retire
     */
    public Retired retire(Collection<String> secretIds) {
        Objects.requireNonNull(secretIds, "secretIds");
        Set<String> wanted = new LinkedHashSet<>(secretIds);
        return client.rotationLocks().serialized(clientId, () -> retireAlone(wanted));
    }

    private Retired retireAlone(Set<String> wanted) {
        RotationException.Report report = new RotationException.Report();
        List<ServiceAccountSecret> secrets = read(report, "nothing was deleted");
        Set<String> seen = new LinkedHashSet<>(ids(secrets));
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean anyLeft = secrets.stream().anyMatch(s -> !wanted.contains(s.getId()) && !expired(s, now));
        if (!anyLeft) {
            throw report.fail(
                    "Retiring " + wanted + " would leave " + clientId + " without an unexpired secret; nothing"
                            + " was deleted. Create and switch to a new secret first (start())",
                    null);
        }
        for (ServiceAccountSecret secret : secrets) {
            if (wanted.contains(secret.getId()) && isOwn(secret) && !allowOwn) {
                throw report.fail(
                        "Secret " + secret.getId() + " is the one this client authenticates with;"
                                + " retire it from a client that uses the new secret, or set allowRetiringOwnSecret(). Nothing was"
                                + " deleted",
                        null);
            }
        }
        List<String> deleted = new ArrayList<>();
        List<String> alreadyGone = new ArrayList<>();
        List<String> remaining = new ArrayList<>(wanted);
        for (String id : wanted) {
            report.leftToRetire(remaining);
            if (!seen.contains(id)) {
                alreadyGone.add(id);
            } else {
                List<ServiceAccountSecret> current = read(report, "the rest was not deleted");
                stopIfAnotherRotator(current, seen, report);
                OffsetDateTime at = OffsetDateTime.now(clock);
                if (current.stream().noneMatch(s -> !wanted.contains(s.getId()) && !expired(s, at))) {
                    throw report.fail(
                            "Retiring " + id + " would now leave " + clientId + " without an unexpired secret;"
                                    + " it was not deleted",
                            null);
                }
                boolean present = current.stream().anyMatch(s -> s.getId().equals(id));
                if (present && deleteOnce(id, report, "the rest was not deleted") == Deletion.DELETED) {
                    report.deleted(id);
                    deleted.add(id);
                } else {
                    alreadyGone.add(id);
                }
            }
            remaining.remove(id);
        }
        return new Retired(deleted, alreadyGone);
    }

    private List<ServiceAccountSecret> read(RotationException.Report report, String whatElse) {
        try {
            return secrets();
        } catch (AtlasClientException e) {
            throw report.fail(
                    "Reading the secrets of " + clientId + " failed (" + e.getMessage() + "); " + whatElse, e);
        }
    }

    /**
     * Whether the service may have acted on a request that failed: no answer, an unreadable answer (a 2xx whose
     * body could not be read was applied), or a 5xx. A 4xx is a refusal: nothing happened.
     */
    static boolean ambiguous(AtlasClientException e) {
        if (e instanceof AtlasApiException api) {
            return api.status() >= 500;
        }
        return e instanceof AtlasTransportException || e instanceof AtlasResponseException;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private List<ServiceAccountSecret> secrets() {
        List<ServiceAccountSecret> secrets = switch (scope) {
            case ORGANIZATION -> client.getOrgServiceAccount(parentId, clientId).getSecrets();
            case PROJECT -> client.getGroupServiceAccount(parentId, clientId).getSecrets();
            case CLOUD_MANAGER ->
                client.getCloudManagerServiceAccount(parentId, clientId).getSecrets();
        };
        return secrets == null ? List.of() : secrets;
    }

    private ServiceAccountSecret create() {
        return switch (scope) {
            case ORGANIZATION -> client.createOrgServiceAccountSecret(parentId, clientId, hours);
            case PROJECT -> client.createGroupServiceAccountSecret(parentId, clientId, hours);
            case CLOUD_MANAGER -> client.createCloudManagerServiceAccountSecret(parentId, clientId, hours);
        };
    }

    private void delete(String secretId) {
        switch (scope) {
            case ORGANIZATION -> client.deleteOrgServiceAccountSecret(parentId, clientId, secretId);
            case PROJECT -> client.deleteGroupServiceAccountSecret(parentId, clientId, secretId);
            case CLOUD_MANAGER -> client.deleteCloudManagerServiceAccountSecret(parentId, clientId, secretId);
            default -> throw new IllegalStateException();
        }
    }

    /** Whether this may be the secret the client authenticates with (same account, same masked value). */
    private boolean isOwn(ServiceAccountSecret secret) {
        if (!(client.credential() instanceof ServiceAccountCredential own)
                || !own.clientId().equals(clientId)) {
            return false;
        }
        String masked = secret.getMaskedSecretValue();
        String plain = own.secret();
        return masked == null || plain.length() < 4 || masked.endsWith(plain.substring(plain.length() - 4));
    }

    private static boolean expired(ServiceAccountSecret secret, OffsetDateTime now) {
        return secret.getExpiresAt() != null && !now.isBefore(secret.getExpiresAt());
    }

    private static List<String> ids(List<ServiceAccountSecret> secrets) {
        return secrets.stream().map(ServiceAccountSecret::getId).toList();
    }

    /**
     * Settings of a rotation, checked by {@link #build()} and {@link #buildForRetiring()}: the secret's validity
     * ({@link #secretExpiresAfterHours(int)}) is required to build a rotation that can {@link SecretRotation#start()}.
     */
    public static final class Builder {
        private final AtlasCredentialsClient client;
        private final Scope scope;
        private final String parentId;
        private final String clientId;
        private Integer hours;
        private String retireIfFull;
        private boolean allowOwn;
        private Clock clock = Clock.systemUTC();

        private Builder(AtlasCredentialsClient client, Scope scope, String parentId, String clientId) {
            this.client = Objects.requireNonNull(client, "client");
            this.scope = scope;
            this.parentId = Objects.requireNonNull(parentId, "parent id");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
        }

        /** The validity of the new secret, within the spec's and the organization's bounds; required by {@link #build()}. */
        public Builder secretExpiresAfterHours(int value) {
            this.hours = value;
            return this;
        }

        /**
         * The secret to delete when the account is at its limit after expired secrets were deleted; without it the
         * rotation stops there.
         */
        public Builder retireIfFull(String secretId) {
            this.retireIfFull = Objects.requireNonNull(secretId, "secretId");
            return this;
        }

        /** Allows deleting the secret the client authenticates with (its own access then ends). */
        public Builder allowRetiringOwnSecret() {
            this.allowOwn = true;
            return this;
        }

        /** The clock that decides which secrets have expired; for tests. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * A rotation that can start and retire.
         *
         * @throws IllegalStateException when {@link #secretExpiresAfterHours(int)} was not set
         * @throws AtlasValidationException when an id or the hours are outside the spec's bounds
         */
        public SecretRotation build() {
            if (hours == null) {
                throw new IllegalStateException("secretExpiresAfterHours is required to build a rotation that starts;"
                        + " use buildForRetiring() for step two only");
            }
            client.checkSecretCreate(scope.createOperation, scope.parentParameter, parentId, clientId, hours);
            return new SecretRotation(this);
        }

        /**
         * A rotation for step two only ({@link SecretRotation#retire(Collection)}), for example in another process days
         * after {@code start()}; its {@code start()} throws {@link IllegalStateException}.
         *
         * @throws AtlasValidationException when an id (or the hours, if set) is outside the spec's bounds
         */
        public SecretRotation buildForRetiring() {
            if (hours != null) {
                client.checkSecretCreate(scope.createOperation, scope.parentParameter, parentId, clientId, hours);
            } else {
                client.checkPathParameters(scope.readOperation, scope.parentParameter, parentId, "clientId", clientId);
            }
            return new SecretRotation(this);
        }
    }
}
