package io.github.atlascredentials.contract.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds anything shaped like a live credential in a text (a pact file): service-account secrets,
 * UUID-shaped private keys, Digest responses, JWT-like tokens other than the spec's fake example,
 * and the same inside Basic headers. Reports the kind and a masked excerpt, never the value.
 */
public final class SecretScanner {
    private static final Pattern LIVE_SECRET = Pattern.compile("mdb_sa_sk_[A-Za-z0-9_-]{40}");
    private static final Pattern PRIVATE_KEY = Pattern.compile(
            "(?<![0-9a-fA-F-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DIGEST_RESPONSE =
            Pattern.compile("Digest\\s+[^\"]*username=.*?response=\"?[0-9a-fA-F]{32}", Pattern.CASE_INSENSITIVE);
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{4,}");
    private static final Pattern BASIC = Pattern.compile("Basic ([A-Za-z0-9+/]+=*)");
    private static final Set<String> KNOWN_FAKES = Set.of(Contract.FAKE_ACCESS_TOKEN);
    /** Digest answers of the fixture API key, whose private key is published (PactFixtures): not a secret. */
    private static final Pattern FIXTURE_DIGEST = Pattern.compile("Digest\\s+username=\\\\?\""
            + Pattern.quote(io.github.atlascredentials.emulator.pact.PactFixtures.API_KEY_PUBLIC_KEY)
            + "\\\\?\"[^\\n]*?response=\\\\?\"?[0-9a-fA-F]{32}");

    private SecretScanner() {}

    public static List<String> findings(String text) {
        List<String> found = new ArrayList<>();
        scan(text, "", found);
        Matcher basic = BASIC.matcher(text);
        while (basic.find()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.group(1)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            scan(decoded, "inside a Basic header: ", found);
        }
        return found;
    }

    private static void scan(String text, String where, List<String> found) {
        report(LIVE_SECRET.matcher(text), where + "a live-shaped service-account secret", found);
        report(PRIVATE_KEY.matcher(text), where + "a UUID-shaped private key", found);
        report(
                DIGEST_RESPONSE.matcher(FIXTURE_DIGEST.matcher(text).replaceAll("")),
                where + "a Digest response",
                found);
        Matcher jwt = JWT.matcher(text);
        while (jwt.find()) {
            if (!KNOWN_FAKES.contains(jwt.group())) {
                found.add(where + "a JWT-like token " + masked(jwt.group()));
            }
        }
    }

    private static void report(Matcher m, String kind, List<String> found) {
        while (m.find()) {
            found.add(kind + " " + masked(m.group()));
        }
    }

    private static String masked(String value) {
        return "(" + value.substring(0, Math.min(6, value.length())) + "****, " + value.length() + " chars)";
    }
}
