package io.github.atlascredentials.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The emulator seed of every benchmark: one organization with an ORG_OWNER service account (the
 * caller), {@value #TARGETS} target service accounts (creations rotate over them, so that no
 * account collects more than a few hundred secrets in a run) and an ORG_OWNER API key.
 * The wrk scripts in bench/wrk/ derive the same target ids with the same formula.
 *
 * <p>Usage: {@code java -cp atlas-bench.jar io.github.atlascredentials.bench.BenchSeed FILE}.
 */
public final class BenchSeed {
    public static final String ORG_ID = "b0b0b0b0b0b0b0b0b0b0b0b0";
    public static final String OWNER_CLIENT_ID = "mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaaaa";
    /** Bench-only secret of a throwaway emulator; never valid anywhere else. */
    public static final String OWNER_SECRET = "mdb_sa_sk_BenchOwnerSecretForTheEmulatorOnly000000";

    public static final String API_PUBLIC_KEY = "benchkey";
    /** Bench-only private key of a throwaway emulator. */
    public static final String API_PRIVATE_KEY = "00000000-0000-4000-8000-00000000beef";

    public static final int TARGETS = 1024;

    private BenchSeed() {}

    /** Target account {@code i}: {@code mdb_sa_id_bbbbbbbbbbbbbbbb} followed by {@code i} as 8 hex digits. */
    public static String targetClientId(int i) {
        return String.format(Locale.ROOT, "mdb_sa_id_bbbbbbbbbbbbbbbb%08x", i % TARGETS);
    }

    public static String json() {
        StringBuilder accounts = new StringBuilder();
        accounts.append("{\"clientId\":\"")
                .append(OWNER_CLIENT_ID)
                .append("\",\"name\":\"bench caller\",")
                .append("\"roles\":[\"ORG_OWNER\"],\"secrets\":[{\"secret\":\"")
                .append(OWNER_SECRET)
                .append("\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}]}");
        for (int i = 0; i < TARGETS; i++) {
            accounts.append(",{\"clientId\":\"")
                    .append(targetClientId(i))
                    .append("\",\"name\":\"target ")
                    .append(i)
                    .append("\",\"roles\":[\"ORG_MEMBER\"]}");
        }
        return "{\"organizations\":[{\"id\":\"" + ORG_ID + "\",\"name\":\"bench\",\"serviceAccounts\":["
                + accounts + "],\"apiKeys\":[{\"publicKey\":\"" + API_PUBLIC_KEY + "\",\"privateKey\":\""
                + API_PRIVATE_KEY + "\",\"desc\":\"bench caller\",\"roles\":[\"ORG_OWNER\"]}]}]}";
    }

    public static Path write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, json(), StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }
}
