package io.github.atlascredentials.emulator.http.steps;

import io.github.atlascredentials.emulator.http.Answers;
import io.github.atlascredentials.emulator.http.ApiRequest;
import io.github.atlascredentials.emulator.http.RequestStep;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Faults a test asked for: the next requests of an operation answer 500 or 503 before anything else,
 * in the shape the real service documents for that operation ({@link Answers#fault}).
 */
public final class FaultStep implements RequestStep {
    private record Fault(int status, Long retryAfterSeconds) {}

    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();

    /** The next request of {@code operationId} answers {@code status} (500 or 503). */
    public void inject(String operationId, int status, Long retryAfterSeconds) {
        if (status != 500 && status != 503) {
            throw new IllegalArgumentException("a fault is 500 or 503, not " + status);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative");
        }
        faults.computeIfAbsent(operationId, k -> new ConcurrentLinkedDeque<>())
                .add(new Fault(status, retryAfterSeconds));
    }

    public void clear() {
        faults.clear();
    }

    @Override
    public void apply(ApiRequest request) {
        Deque<Fault> queue = faults.get(request.operation().operationId());
        Fault fault = queue == null ? null : queue.poll();
        if (fault != null) {
            throw Answers.fault(request.operation(), fault.status(), fault.retryAfterSeconds());
        }
    }
}
