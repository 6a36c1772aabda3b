package io.github.atlascredentials.client.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What one logger (SLF4J reaches java.util.logging in tests) and the loggers below it publish while this
 * is open, kept for the test to assert on instead of printed: a test that expects a warning checks it,
 * and the build output stays quiet. Closing restores the logger.
 */
public final class CapturedLogs implements AutoCloseable {
    private final Logger logger; // a strong reference, so that the settings below stick while open
    private final boolean usedParentHandlers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLogs(Logger logger) {
        this.logger = logger;
        this.usedParentHandlers = logger.getUseParentHandlers();
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
    }

    /** Captures what {@code source}'s logger publishes. */
    public static CapturedLogs of(Class<?> source) {
        return new CapturedLogs(Logger.getLogger(source.getName()));
    }

    /** The messages published so far, with their arguments filled in. */
    public List<String> messages() {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().map(formatter::formatMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
