package io.github.atlascredentials.contract.broker;

import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PactBrokerClientConfig;
import au.com.dius.pact.core.pactbroker.PublishConfiguration;
import au.com.dius.pact.core.support.Result;
import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the pacts of this build to a Pact Broker with the consumer version and branch. Run by
 * the pom's {@code pact-broker} profile (active when {@code PACT_BROKER_BASE_URL} is set) after the
 * consumer tests and the spec check passed. Uses Pact JVM's own broker client, the version the
 * tests use (the Pact Maven plugin has no 4.7 release).
 *
 * <p>Arguments: pact folder, consumer version, branch. Environment: {@code PACT_BROKER_BASE_URL},
 * and {@code PACT_BROKER_TOKEN} or {@code PACT_BROKER_USERNAME}/{@code PACT_BROKER_PASSWORD}.
 */
public final class PublishPacts {
    private PublishPacts() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: PublishPacts <pact folder> <consumer version> <branch>");
        }
        String url = System.getenv("PACT_BROKER_BASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("PACT_BROKER_BASE_URL is not set");
        }
        File[] pacts = new File(args[0]).listFiles((dir, name) -> name.endsWith(".json"));
        if (pacts == null || pacts.length == 0) {
            throw new IllegalStateException("no pact files in " + args[0] + " (did the consumer tests run?)");
        }
        PactBrokerClient broker = new PactBrokerClient(url, authentication(), new PactBrokerClientConfig());
        PublishConfiguration publication =
                new PublishConfiguration(args[1], List.of(), args[2], System.getenv("BUILD_URL"));
        for (File pact : pacts) {
            Result<String, Exception> result = broker.uploadPactFile(pact, publication);
            if (result instanceof Result.Err<?> err) {
                throw new IllegalStateException(
                        "publishing " + pact.getName() + " to " + url + " failed: " + err.getError());
            }
            System.out.println("Published " + pact.getName() + " as version " + args[1] + " on branch " + args[2]);
        }
    }

    private static Map<String, Object> authentication() {
        Map<String, Object> options = new HashMap<>();
        String token = System.getenv("PACT_BROKER_TOKEN");
        String user = System.getenv("PACT_BROKER_USERNAME");
        if (token != null && !token.isBlank()) {
            options.put("authentication", List.of("bearer", token));
        } else if (user != null && !user.isBlank()) {
            options.put(
                    "authentication", List.of("basic", user, String.valueOf(System.getenv("PACT_BROKER_PASSWORD"))));
        }
        return options;
    }
}
