package io.github.atlascredentials.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Builds {@code atlas-credentials-client/<version> (<os>; <arch>) java/<version> [suffix]}. */
public final class UserAgent {
    private static final Properties BUILD = load();

    private UserAgent() {}

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in =
                UserAgent.class.getResourceAsStream("/io/github/atlascredentials/client/client.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The version of this client, from the filtered build resource. */
    public static String clientVersion() {
        return BUILD.getProperty("version", "unknown");
    }

    public static String build(String suffix) {
        String value = BUILD.getProperty("artifactId", "atlas-credentials-client") + "/" + clientVersion()
                + " (" + System.getProperty("os.name") + "; " + System.getProperty("os.arch") + ") java/"
                + System.getProperty("java.version");
        return suffix == null || suffix.isBlank() ? value : value + " " + suffix.trim();
    }
}
