package io.github.atlascredentials.emulator.state;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for a persistence that writes to disk: one writer thread takes every write waiting in
 * the queue, persists them in one transaction (one commit, one file write instead of one per
 * request), then makes them visible in queue order, and only then lets their callers answer. So an
 * acknowledged write is as durable as before; what changed is that concurrent writes share a commit.
 * Writes are queued under the state's write lock, so queue order is the order in which they were
 * decided.
 */
final class GroupCommit implements AutoCloseable {
    /** The most writes one commit takes (a bound on the transaction's size). */
    private static final int MAX_BATCH = 512;

    private record Write(List<Persistence.Change> changes, Runnable publish, CompletableFuture<Void> done) {}

    private final Persistence persistence;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean failed;
    private volatile boolean closed;

    GroupCommit(Persistence persistence) {
        this.persistence = persistence;
        this.writer = new Thread(this::run, "emulator-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a write; call under the state's write lock. {@code publish} runs once it is durable. */
    CompletableFuture<Void> submit(List<Persistence.Change> changes, Runnable publish) {
        if (closed) {
            throw new IllegalStateException("the emulator is closed");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Write(changes, publish, done));
        return done;
    }

    /** Waits until a queued write is durable and visible; a failed write throws as a synchronous one did. */
    static void await(CompletableFuture<Void> done) {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Waits until everything queued so far is durable and visible. */
    void drain() {
        await(submit(List.of(), () -> {}));
    }

    /** Whether a batch failed since the last call (the writer's view of the state must then be rebuilt). */
    boolean takeFailure() {
        if (!failed) {
            return false;
        }
        failed = false;
        return true;
    }

    private void run() {
        List<Write> batch = new ArrayList<>();
        List<Persistence.Change> changes = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            for (Write w : batch) {
                changes.addAll(w.changes());
            }
            RuntimeException failure = null;
            if (!changes.isEmpty()) {
                try {
                    persistence.apply(changes);
                } catch (RuntimeException e) {
                    failure = e;
                    failed = true;
                }
            }
            for (Write w : batch) {
                if (failure == null) {
                    w.publish().run();
                    w.done().complete(null);
                } else {
                    w.done().completeExceptionally(failure);
                }
            }
            batch.clear();
            changes.clear();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            drain();
            closed = true;
            writer.interrupt();
        }
    }
}
