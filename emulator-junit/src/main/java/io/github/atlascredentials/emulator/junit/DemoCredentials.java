package io.github.atlascredentials.emulator.junit;

import io.github.atlascredentials.emulator.AtlasEmulator;

/**
 * The demo organization of the emulator's built-in seed: ids, a service account and an API key.
 * Demo values, not secrets; {@link #toString()} masks the secret parts all the same, as every
 * credential type of this project does.
 *
 * @param orgId          the demo organization
 * @param projectId      the demo project (group) in it
 * @param clientId       the demo service account (an organization owner)
 * @param clientSecret   its secret
 * @param targetClientId a second service account, whose secrets the examples rotate
 * @param publicKey      the demo programmatic API key (HTTP Digest user name)
 * @param privateKey     its private key (HTTP Digest password)
 */
public record DemoCredentials(
        String orgId,
        String projectId,
        String clientId,
        String clientSecret,
        String targetClientId,
        String publicKey,
        String privateKey) {

    /** The values of {@link AtlasEmulator}'s demo seed. */
    public static DemoCredentials demo() {
        return new DemoCredentials(
                AtlasEmulator.DEMO_ORG_ID,
                AtlasEmulator.DEMO_PROJECT_ID,
                AtlasEmulator.DEMO_CLIENT_ID,
                AtlasEmulator.DEMO_CLIENT_SECRET,
                AtlasEmulator.DEMO_TARGET_CLIENT_ID,
                AtlasEmulator.DEMO_PUBLIC_KEY,
                AtlasEmulator.DEMO_PRIVATE_KEY);
    }

    @Override
    public String toString() {
        return "DemoCredentials[orgId=" + orgId + ", projectId=" + projectId + ", clientId=" + clientId
                + ", clientSecret=****, targetClientId=" + targetClientId + ", publicKey=" + publicKey
                + ", privateKey=****]";
    }
}
