package io.github.atlascredentials.emulator.junit;

import io.github.atlascredentials.emulator.AtlasEmulator;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the emulator for JUnit 5 tests.
 *
 * <p>{@code @ExtendWith(AtlasEmulatorExtension.class)} starts one emulator per test class on a free
 * port of 127.0.0.1 with the built-in demo seed, resets it to the seed before each test, and stops
 * it after the class. Test classes that run in parallel each get their own emulator. For other
 * settings register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static AtlasEmulatorExtension emulator = AtlasEmulatorExtension.configured(b -> b.tokenRateLimitPerMinute(1000));
 * }</pre>
 *
 * <p>{@link #shared()} starts one emulator for the whole test run instead (faster for many small
 * classes); it is still reset before each test, so use it only where test classes do not run in
 * parallel. {@link #keepingState()} turns the reset off.
 *
 * <p>The emulator runs in the test JVM, with that JVM's settings: for a JVM that lives for one test run,
 * C1 only ({@code -XX:TieredStopAtLevel=1} in Surefire's {@code argLine}) makes each class's emulator start
 * cheaper; docs/5-emulator.md ("What a test class pays") has the figures and when not to use it.
 *
 * <p>Test and lifecycle methods may declare parameters of type {@link AtlasEmulator} (the handle:
 * clock, reset, seeds), {@link URI} or {@link EmulatorBaseUrl @EmulatorBaseUrl} {@code String} (the
 * base URL) and {@link DemoCredentials}.
 */
public final class AtlasEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AtlasEmulatorExtension.class);
    private static final String SHARED_KEY = "shared emulator";

    private final Consumer<AtlasEmulator.Builder> settings;
    private final boolean shared;
    private final boolean resetBeforeEach;

    /** Used by {@code @ExtendWith}: one emulator per class, default settings, reset before each test. */
    public AtlasEmulatorExtension() {
        this(builder -> {}, false, true);
    }

    private AtlasEmulatorExtension(Consumer<AtlasEmulator.Builder> settings, boolean shared, boolean resetBeforeEach) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shared = shared;
        this.resetBeforeEach = resetBeforeEach;
    }

    /**
     * One emulator per class, with builder settings of your own (limits, seed, clock) applied after
     * the defaults ({@code bind("127.0.0.1").port(0)}).
     */
    public static AtlasEmulatorExtension configured(Consumer<AtlasEmulator.Builder> settings) {
        return new AtlasEmulatorExtension(settings, false, true);
    }

    /** The same settings, but one emulator for the whole test run, started by the first class that needs it. */
    public AtlasEmulatorExtension shared() {
        return new AtlasEmulatorExtension(settings, true, resetBeforeEach);
    }

    /** The same settings, without the reset before each test (tests then see each other's secrets and keys). */
    public AtlasEmulatorExtension keepingState() {
        return new AtlasEmulatorExtension(settings, shared, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AtlasEmulator emulator = emulator(context);
        if (resetBeforeEach) {
            emulator.reset();
        }
    }

    /** The emulator of this test's class (or of the run, when shared), started on first use. */
    public AtlasEmulator emulator(ExtensionContext context) {
        ExtensionContext owner = shared ? context.getRoot() : classContext(context);
        String key = shared ? SHARED_KEY : owner.getUniqueId();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> new Running(start()), Running.class).emulator;
    }

    private AtlasEmulator start() {
        AtlasEmulator.Builder builder =
                AtlasEmulator.builder().bind("127.0.0.1").port(0);
        settings.accept(builder);
        return builder.start();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AtlasEmulator.class
                || type == URI.class
                || type == DemoCredentials.class
                || (type == String.class && parameter.isAnnotated(EmulatorBaseUrl.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == DemoCredentials.class) {
            return DemoCredentials.demo();
        }
        AtlasEmulator emulator = emulator(context);
        if (type == AtlasEmulator.class) {
            return emulator;
        }
        return type == URI.class ? emulator.baseUri() : emulator.baseUri().toString();
    }

    /** Stored in the class's (or the run's) store: JUnit closes it when that context ends. */
    private static final class Running implements AutoCloseable {
        final AtlasEmulator emulator;

        Running(AtlasEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }
}
