package io.github.atlascredentials.emulator;

import io.github.atlascredentials.emulator.admin.AdminToken;
import io.github.atlascredentials.emulator.admin.TestSupportAccess;
import io.github.atlascredentials.emulator.seed.SeedException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code java -jar atlas-emulator.jar [options]}: runs the emulator until SIGTERM. */
public final class EmulatorMain {
    static final String USAGE = """
            Usage: java -jar atlas-emulator.jar [options]
              --port N                     port to listen on (default 8080, 0 = any free port)
              --bind HOST                  address to bind (default 127.0.0.1); any address other than
                                           127.0.0.1 or ::1 puts /_emulator/* behind an admin token
              --seed FILE                  seed document (JSON) instead of the built-in demo data
              --data-dir DIR               keep state in an H2 database in DIR (default: in memory)
              --sync-writes                also fsync every write (survives power loss; slower)
              --max-secrets-per-account N  secrets per service account (default 2, as the real service)
              --token-rate-limit N         token requests per minute per client and IP (default 10, as the
                                           real service; raise it for tests that obtain many tokens)
              --atlas-rate-limit C,R,S     Atlas v2 token buckets per organization or project: capacity C,
                                           R more every S seconds (default 100000,100000,60; docs' example 10,5,60)
              --api-rate-limit N           Cloud Manager API requests per minute per credential (default 100000)
              --admin-token TOKEN          require "Authorization: Bearer TOKEN" on /_emulator/* (also on
                                           loopback); better: set ATLAS_EMULATOR_ADMIN_TOKEN. Off loopback
                                           without one, a token is generated and printed once
              --no-test-support            no /_emulator/* endpoints at all (404)
              --self-test                  start on a free port, try the main requests, stop (exit 0 = fine)
              --help                       print this help
            Prints "Listening on http://HOST:PORT" when ready; stops cleanly on SIGTERM.
            """;

    // Strong references: JUL forgets levels of loggers nobody holds.
    private static final Logger JERSEY_PROVIDERS = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");
    private static final Logger GRIZZLY = Logger.getLogger("org.glassfish.grizzly");

    private EmulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        int exit = run(args, System.getenv(), System.out, System.err);
        if (exit >= 0) {
            System.exit(exit);
        }
    }

    /** Starts the emulator and blocks; returns an exit code on a usage or start-up error. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        return run(args, System.getenv(), out, err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
            throws InterruptedException {
        // Resources implement generated interfaces, which Jersey's provider check warns about needlessly.
        JERSEY_PROVIDERS.setLevel(Level.SEVERE);
        GRIZZLY.setLevel(Level.WARNING);
        AtlasEmulator.Builder builder = AtlasEmulator.builder();
        boolean customSeed = false;
        String bind = "127.0.0.1";
        String adminToken = env.get(AdminToken.ENVIRONMENT_VARIABLE);
        boolean testSupport = true;
        boolean generatedToken = false;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    case "--self-test" -> {
                        String failure = SelfTest.run();
                        (failure == null ? out : err)
                                .println(failure == null ? "Self-test passed" : "Self-test failed: " + failure);
                        return failure == null ? 0 : 1;
                    }
                    case "--port" -> builder.port(intValue(arg, value(args, ++i, arg)));
                    case "--bind" -> {
                        bind = value(args, ++i, arg);
                        builder.bind(bind);
                    }
                    case "--admin-token" -> adminToken = value(args, ++i, arg);
                    case "--no-test-support" -> testSupport = false;
                    case "--seed" -> {
                        builder.seed(Path.of(value(args, ++i, arg)));
                        customSeed = true;
                    }
                    case "--data-dir" -> builder.dataDir(Path.of(value(args, ++i, arg)));
                    case "--sync-writes" -> builder.syncWrites(true);
                    case "--max-secrets-per-account" ->
                        builder.maxSecretsPerAccount(intValue(arg, value(args, ++i, arg)));
                    case "--token-rate-limit" -> builder.tokenRateLimitPerMinute(intValue(arg, value(args, ++i, arg)));
                    case "--api-rate-limit" -> builder.apiRateLimitPerMinute(intValue(arg, value(args, ++i, arg)));
                    case "--atlas-rate-limit" -> {
                        String[] parts = value(args, ++i, arg).split(",", -1);
                        if (parts.length != 3) {
                            throw new IllegalArgumentException(arg + " needs capacity,refill,seconds, e.g. 10,5,60");
                        }
                        builder.atlasRateLimit(
                                intValue(arg, parts[0]), intValue(arg, parts[1]), intValue(arg, parts[2]));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            builder.testSupportEndpoints(testSupport);
            if (testSupport
                    && (adminToken == null || adminToken.isEmpty())
                    && TestSupportAccess.decide(true, bind, false) == TestSupportAccess.ADMIN_TOKEN) {
                adminToken = AdminToken.randomValue();
                generatedToken = true;
            }
            if (adminToken != null && !adminToken.isEmpty()) {
                builder.adminToken(adminToken);
            }
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        AtlasEmulator emulator;
        try {
            emulator = builder.start();
        } catch (SeedException e) {
            err.println("Error: bad seed file " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("Error: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "emulator-shutdown"));
        if (!customSeed) {
            printDemo(out, emulator);
        }
        printTestSupport(out, emulator, generatedToken ? adminToken : null);
        out.println("Listening on " + emulator.baseUri());
        out.flush();
        stopped.await();
        return -1;
    }

    private static void printDemo(PrintStream out, AtlasEmulator emulator) {
        out.println("Demo data (built-in seed; demo values, not real credentials):");
        out.println("  organization     " + AtlasEmulator.DEMO_ORG_ID);
        out.println("  project          " + AtlasEmulator.DEMO_PROJECT_ID);
        out.println("  service account  " + AtlasEmulator.DEMO_CLIENT_ID + " (ORG_OWNER)");
        out.println("    secret         " + AtlasEmulator.DEMO_CLIENT_SECRET);
        out.println("  target account   " + AtlasEmulator.DEMO_TARGET_CLIENT_ID + " (no secrets yet)");
        out.println("  API key          " + AtlasEmulator.DEMO_PUBLIC_KEY + ":" + AtlasEmulator.DEMO_PRIVATE_KEY
                + " (ORG_OWNER)");
        out.println("  e.g. curl --user \"" + AtlasEmulator.DEMO_PUBLIC_KEY + ":" + AtlasEmulator.DEMO_PRIVATE_KEY
                + "\" --digest --header \"Content-Type: application/json\" --request POST \"" + emulator.baseUri()
                + "/api/public/v1.0/orgs/" + AtlasEmulator.DEMO_ORG_ID + "/serviceAccounts/"
                + AtlasEmulator.DEMO_TARGET_CLIENT_ID
                + "/secrets/?pretty=true\" --data '{\"secretExpiresAfterHours\": \"3600\"}'");
    }

    /** Says how /_emulator/* is reached; a generated admin token is printed here, and only here. */
    private static void printTestSupport(PrintStream out, AtlasEmulator emulator, String generatedToken) {
        switch (emulator.testSupportAccess()) {
            case OPEN -> out.println("Test support: " + emulator.baseUri() + "/_emulator/ (open: bound to loopback)");
            case DISABLED -> out.println("Test support: off (--no-test-support)");
            case ADMIN_TOKEN -> {
                out.println("Test support: " + emulator.baseUri()
                        + "/_emulator/ needs \"Authorization: Bearer <admin token>\"");
                if (generatedToken != null) {
                    out.println("  admin token      " + generatedToken + " (generated; shown only now: set "
                            + AdminToken.ENVIRONMENT_VARIABLE + " to choose one)");
                }
            }
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got " + value);
        }
    }
}
