package io.github.atlascredentials.client.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What an example prints on standard output and error while it runs, kept for the test to check instead
 * of printed in the build's output.
 */
public record CapturedOutput<T>(T value, String printed) {

    public static <T> CapturedOutput<T> of(Supplier<T> action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            T value = action.get();
            return new CapturedOutput<>(value, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
