package io.github.atlascredentials.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every failure of a rotation workflow call ({@link SecretRotation}, {@link ApiKeyRotation}): it stopped before doing
 * something unsafe, or a step failed. The message says what was done, what was not and what to do; the accessors
 * say the same for programs. The cause, when there is one, is the client exception of the failed step. Never
 * carries a secret.
 */
public final class RotationException extends AtlasClientException {
    private static final long serialVersionUID = 1L;

    private final String createdId;
    private final boolean createdProven;
    private final List<String> deletedIds;
    private final List<String> orphanIds;
    private final List<String> leftToRetire;
    private final boolean outcomeUnknown;

    private RotationException(Report report, String message, Throwable cause) {
        super(message, cause);
        this.createdId = report.createdId;
        this.createdProven = report.createdProven;
        this.deletedIds = List.copyOf(report.deletedIds);
        this.orphanIds = List.copyOf(report.orphanIds);
        this.leftToRetire = List.copyOf(report.leftToRetire);
        this.outcomeUnknown = report.outcomeUnknown;
    }

    /**
     * The id of the secret this rotation created, if it created one (also when it deleted it again: see
     * {@link #deletedIds()} and {@link #orphanIds()}).
     */
    public Optional<String> createdSecretId() {
        return Optional.ofNullable(createdId);
    }

    /** The id of the API key this rotation created, if it created one (also when it deleted it again). */
    public Optional<String> createdApiKeyId() {
        return Optional.ofNullable(createdId);
    }

    /** Whether the created secret or key was proven to work (a token obtained with it, a Digest call made). */
    public boolean createdProven() {
        return createdProven;
    }

    /**
     * Every id this call deleted, in order: expired secrets and the secret named to make room, a created secret or
     * key deleted again because its value was lost, the old secrets retired before the failure.
     */
    public List<String> deletedIds() {
        return deletedIds;
    }

    /**
     * Secrets or keys this rotation created, whose plain value is lost and which it could not delete: they occupy a
     * slot (a service account holds at most two secrets) and nobody can use them. Delete them by these ids.
     */
    public List<String> orphanIds() {
        return orphanIds;
    }

    /** Ids still to retire: old secrets or the old key that are still in place and should go once unused. */
    public List<String> leftToRetire() {
        return leftToRetire;
    }

    /**
     * True when a request's outcome is unknown and could not be checked (its answer was lost and re-reading the
     * account failed too): the message says what may have changed; read the account before acting again.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** What a workflow call did so far; turned into the exception when it stops. */
    static final class Report {
        private String createdId;
        private boolean createdProven;
        private final List<String> deletedIds = new ArrayList<>();
        private final List<String> orphanIds = new ArrayList<>();
        private final List<String> leftToRetire = new ArrayList<>();
        private boolean outcomeUnknown;

        Report created(String id) {
            this.createdId = id;
            return this;
        }

        Report proven() {
            this.createdProven = true;
            return this;
        }

        Report deleted(String id) {
            deletedIds.add(id);
            return this;
        }

        Report orphan(String id) {
            orphanIds.add(id);
            return this;
        }

        Report leftToRetire(List<String> ids) {
            leftToRetire.clear();
            leftToRetire.addAll(ids);
            return this;
        }

        Report outcomeUnknown() {
            this.outcomeUnknown = true;
            return this;
        }

        List<String> deletedIds() {
            return List.copyOf(deletedIds);
        }

        String createdId() {
            return createdId;
        }

        /** The problem, then what was done, in words; then the exception. */
        RotationException fail(String problem, Throwable cause) {
            StringBuilder message = new StringBuilder(problem.endsWith(".") ? problem : problem + ".");
            if (!deletedIds.isEmpty()) {
                message.append(" Deleted by this call: ").append(deletedIds).append('.');
            }
            if (!orphanIds.isEmpty()) {
                message.append(" Orphaned (created by this rotation, value lost, could not be deleted; delete them): ")
                        .append(orphanIds)
                        .append('.');
            }
            if (!leftToRetire.isEmpty()) {
                message.append(" Still to retire: ").append(leftToRetire).append('.');
            }
            return new RotationException(this, message.toString(), cause);
        }
    }
}
