package io.github.atlascredentials.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every credential the suite was handed (secrets, private keys, access tokens), recorded the moment
 * it arrives so that the leak scan can look for it later. Only SHA-256 digests and a masked form are
 * written (to {@code target/leak-registry/}): the registry itself holds no credential. Other modules may
 * add lines of the same form ({@code KIND sha256hex masked}) to their own {@code target/leak-registry/*.sha256}.
 */
public final class CredentialRegistry {
    /** What was recorded; the leak scan extracts candidates of each shape. */
    public enum Kind {
        SECRET,
        PRIVATE_KEY,
        ACCESS_TOKEN,
        ACCESS_TOKEN_SIGNATURE,
        ADMIN_TOKEN
    }

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final Path FILE = Path.of(System.getProperty("reliability.registry.dir", "target/leak-registry"))
            .resolve("reliability-" + ProcessHandle.current().pid() + ".sha256");

    private CredentialRegistry() {}

    public static void record(Kind kind, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String digest = sha256(value);
        if (!SEEN.add(digest)) {
            return;
        }
        String line = kind + " " + digest + " " + Masking.mask(value).replace(' ', '_') + "\n";
        synchronized (CredentialRegistry.class) {
            try {
                Files.createDirectories(FILE.getParent());
                Files.writeString(
                        FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the leak registry", e);
            }
        }
    }

    public static int size() {
        return SEEN.size();
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
