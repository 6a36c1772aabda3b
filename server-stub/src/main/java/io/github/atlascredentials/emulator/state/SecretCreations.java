package io.github.atlascredentials.emulator.state;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Secret creations in progress, one per service account at a time: a second create for the same
 * account while one runs is refused ({@link Conflict}, answered 409 {@code DATA_CONCURRENCY_ERROR} as
 * the real service does). A {@link Hold} keeps the creations of one account in progress until it is
 * released, so that tests can make "at once" happen deterministically.
 */
public final class SecretCreations {
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();

    /** Another creation for the same account is in progress. */
    public static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String clientId) {
            super("a secret of " + clientId + " is being created", null, false, false);
        }
    }

    /** One creation, which may refuse with a checked exception of its own. */
    @FunctionalInterface
    public interface Creation<T, E extends Exception> {
        T create() throws E;
    }

    /** Runs one creation for the account, or refuses it if another one is in progress. */
    public <T, E extends Exception> T run(String clientId, Creation<T, E> create) throws E {
        if (!inProgress.add(clientId)) {
            throw new Conflict(clientId);
        }
        try {
            Hold hold = holds.get(clientId);
            if (hold != null) {
                hold.park();
            }
            return create.create();
        } finally {
            inProgress.remove(clientId);
        }
    }

    /** Keeps the account's next creations in progress until {@link Hold#release()}. */
    public Hold hold(String clientId) {
        Hold hold = new Hold(clientId);
        if (holds.putIfAbsent(clientId, hold) != null) {
            throw new IllegalStateException("the creations of " + clientId + " are already held");
        }
        return hold;
    }

    /** The hold of the account's creations, if there is one. */
    public Optional<Hold> holdOf(String clientId) {
        return Optional.ofNullable(holds.get(clientId));
    }

    /** Releases every hold (on reset). */
    public void releaseAll() {
        holds.values().forEach(Hold::release);
    }

    /** Creations of one account kept in progress; closing releases them. */
    public final class Hold implements AutoCloseable {
        private final String clientId;
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(String clientId) {
            this.clientId = clientId;
        }

        private void park() {
            entered.countDown();
            try {
                // Bounded, so that a forgotten hold cannot keep a request thread forever.
                released.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits until a creation of the account is in progress and held; false on timeout. */
        public boolean awaitHeld(Duration timeout) throws InterruptedException {
            return entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Whether a creation of the account has arrived and is held now. */
        public boolean isHeld() {
            return entered.getCount() == 0 && released.getCount() > 0;
        }

        /** Lets the held creations finish; later creations are no longer held. */
        public void release() {
            holds.remove(clientId, this);
            released.countDown();
        }

        @Override
        public void close() {
            release();
        }
    }
}
