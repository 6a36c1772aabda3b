package io.github.atlascredentials.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every path the emulator serves, with its methods and family. */
public enum Operation {
    CREATE_ORG_SECRET(Family.ATLAS, "/api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}/secrets", "POST"),
    CREATE_GROUP_SECRET(Family.ATLAS, "/api/atlas/v2/groups/{groupId}/serviceAccounts/{clientId}/secrets", "POST"),
    CREATE_CLOUD_MANAGER_SECRET(Family.CLOUD_MANAGER, "/api/public/v1.0/orgs/{orgId}/serviceAccounts/{clientId}/secrets/", "POST"),
    CREATE_API_KEY(Family.CLOUD_MANAGER, "/api/public/v1.0/orgs/{orgId}/apiKeys", "POST"),
    TOKEN(Family.OAUTH, "/api/oauth/token", "POST"),
    REVOKE(Family.OAUTH, "/api/oauth/revoke", "POST"),
    TEST_HEALTH(Family.TEST_SUPPORT, "/_emulator/health", "GET"),
    TEST_RESET(Family.TEST_SUPPORT, "/_emulator/reset", "POST"),
    TEST_SEED(Family.TEST_SUPPORT, "/_emulator/seed", "POST"),
    TEST_CLOCK(Family.TEST_SUPPORT, "/_emulator/clock", "GET"),
    TEST_CLOCK_ADVANCE(Family.TEST_SUPPORT, "/_emulator/clock/advance", "POST");

    /** How an operation is checked. */
    public enum Family { ATLAS, CLOUD_MANAGER, OAUTH, TEST_SUPPORT;

        public boolean isApi() {
            return this == ATLAS || this == CLOUD_MANAGER;
        }
    }

    private final Family family;
    private final String template;
    private final Set<String> methods;
    private final Pattern pattern;
    private final List<String> parameterNames = new ArrayList<>();

    Operation(Family family, String template, String... methods) {
        this.family = family;
        this.template = template;
        this.methods = Set.of(methods);
        Pattern param = Pattern.compile("\\{([A-Za-z]+)}");
        StringBuilder regex = new StringBuilder();
        int last = 0;
        String base = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        Matcher m = param.matcher(base);
        while (m.find()) {
            regex.append(Pattern.quote(base.substring(last, m.start()))).append("([^/]+)");
            parameterNames.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(base.substring(last))).append("/?");
        this.pattern = Pattern.compile(regex.toString());
    }

    public Family family() {
        return family;
    }

    public Set<String> methods() {
        return methods;
    }

    /** A request path matched to an operation, with its decoded path parameters. */
    public record Match(Operation operation, Map<String, String> pathParameters, String canonicalPath) {
    }

    /** The operation whose template the raw (undecoded) path matches. */
    public static Optional<Match> match(String rawPath) {
        for (Operation op : values()) {
            Matcher m = op.pattern.matcher(rawPath);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                String canonical = op.template;
                for (int i = 0; i < op.parameterNames.size(); i++) {
                    String raw = m.group(i + 1);
                    params.put(op.parameterNames.get(i), decode(raw));
                    canonical = canonical.replace("{" + op.parameterNames.get(i) + "}", raw);
                }
                return Optional.of(new Match(op, params, canonical));
            }
        }
        return Optional.empty();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
