package io.github.atlascredentials.contract.consumer;

import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.annotations.Pact;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Makes a failing consumer test say which interaction broke: the description given to
 * {@code uponReceiving} is recorded per {@code @Pact} method, and a test failure is re-thrown
 * as "interaction '...' broke: <cause>".
 */
final class InteractionNames implements TestExecutionExceptionHandler {
    private static final Map<String, String> BY_PACT_METHOD = new ConcurrentHashMap<>();

    /** Records the description under the calling {@code @Pact} method; returns it. */
    static String describe(String description) {
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> isPactMethod(f.getDeclaringClass(), f.getMethodName()))
                        .findFirst())
                .ifPresent(f ->
                        BY_PACT_METHOD.put(f.getDeclaringClass().getName() + "#" + f.getMethodName(), description));
        return description;
    }

    private static boolean isPactMethod(Class<?> type, String name) {
        return Arrays.stream(type.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(name) && m.isAnnotationPresent(Pact.class));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Method test = context.getRequiredTestMethod();
        PactTestFor pactTestFor = test.getAnnotation(PactTestFor.class);
        String description = pactTestFor == null
                ? null
                : BY_PACT_METHOD.get(context.getRequiredTestClass().getName() + "#" + pactTestFor.pactMethod());
        if (description == null) {
            throw thrown;
        }
        AssertionError named =
                new AssertionError("interaction '" + description + "' broke: " + thrown.getMessage(), thrown);
        named.setStackTrace(thrown.getStackTrace());
        throw named;
    }
}
