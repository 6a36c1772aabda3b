package io.github.atlascredentials.reliability.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite's seed: two organizations, owners and members of each, a project, and {@code targets}
 * service accounts without secrets for the creation tests. The seed's own secrets and keys are fixtures,
 * not created credentials, and are not searched for by the leak scan.
 */
public final class Seed {
    public static final String ORG_A = "aaaaaaaaaaaaaaaaaaaaaa01";
    public static final String ORG_B = "bbbbbbbbbbbbbbbbbbbbbb02";
    public static final String PROJECT_A = "cccccccccccccccccccccc03";
    public static final String UNKNOWN_ID = "dddddddddddddddddddddd04";

    public static final String ADMIN_A = "mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaa01";
    public static final String MEMBER_A = "mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaa02";
    public static final String PROJECT_OWNER_A = "mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaa03";
    public static final String OAUTH_FUZZ_A = "mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaa04";
    public static final String ADMIN_B = "mdb_sa_id_bbbbbbbbbbbbbbbbbbbbbb01";
    public static final String UNKNOWN_CLIENT = "mdb_sa_id_eeeeeeeeeeeeeeeeeeeeee05";

    public static final String ADMIN_A_SECRET = fixtureSecret("AdminA");
    public static final String MEMBER_A_SECRET = fixtureSecret("MemberA");
    public static final String PROJECT_OWNER_A_SECRET = fixtureSecret("ProjectOwnerA");
    public static final String OAUTH_FUZZ_A_SECRET = fixtureSecret("OAuthFuzzA");
    public static final String ADMIN_B_SECRET = fixtureSecret("AdminB");

    public static final String KEY_ADMIN_A = "adminkya";
    public static final String KEY_ADMIN_A_PRIVATE = "0a0a0a0a-0000-4000-8000-00000000000a";
    public static final String KEY_MEMBER_A = "memberka";
    public static final String KEY_MEMBER_A_PRIVATE = "0a0a0a0a-0000-4000-8000-00000000000b";
    public static final String KEY_ADMIN_B = "adminkyb";
    public static final String KEY_ADMIN_B_PRIVATE = "0b0b0b0b-0000-4000-8000-00000000000a";

    private Seed() {}

    /** The i-th target service account of organization A (no secrets, assigned to project A). */
    public static String target(int i) {
        return "mdb_sa_id_" + String.format("%024x", 0xf000 + i);
    }

    public static List<String> targets(int count) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(target(i));
        }
        return all;
    }

    /** The seed document as JSON. */
    public static String json(int targets) {
        StringBuilder accounts = new StringBuilder();
        accounts.append(account(ADMIN_A, "[\"ORG_OWNER\"]", "{}", ADMIN_A_SECRET))
                .append(',')
                .append(account(MEMBER_A, "[\"ORG_MEMBER\"]", "{}", MEMBER_A_SECRET))
                .append(',')
                .append(account(
                        PROJECT_OWNER_A,
                        "[\"ORG_MEMBER\"]",
                        "{\"" + PROJECT_A + "\":[\"GROUP_OWNER\"]}",
                        PROJECT_OWNER_A_SECRET))
                .append(',')
                .append(account(OAUTH_FUZZ_A, "[\"ORG_MEMBER\"]", "{}", OAUTH_FUZZ_A_SECRET));
        for (String target : targets(targets)) {
            accounts.append(',')
                    .append(account(target, "[\"ORG_MEMBER\"]", "{\"" + PROJECT_A + "\":[\"GROUP_READ_ONLY\"]}", null));
        }
        return "{\"organizations\":["
                + "{\"id\":\"" + ORG_A
                + "\",\"name\":\"Reliability A\",\"maxServiceAccountSecretValidityInHours\":8760,"
                + "\"projects\":[{\"id\":\"" + PROJECT_A + "\",\"name\":\"Project A\"}],"
                + "\"serviceAccounts\":[" + accounts + "],"
                + "\"apiKeys\":[" + key(KEY_ADMIN_A, KEY_ADMIN_A_PRIVATE, "ORG_OWNER") + ","
                + key(KEY_MEMBER_A, KEY_MEMBER_A_PRIVATE, "ORG_READ_ONLY") + "]},"
                + "{\"id\":\"" + ORG_B
                + "\",\"name\":\"Reliability B\",\"maxServiceAccountSecretValidityInHours\":8760,"
                + "\"projects\":[],"
                + "\"serviceAccounts\":[" + account(ADMIN_B, "[\"ORG_OWNER\"]", "{}", ADMIN_B_SECRET) + "],"
                + "\"apiKeys\":[" + key(KEY_ADMIN_B, KEY_ADMIN_B_PRIVATE, "ORG_OWNER") + "]}"
                + "]}";
    }

    private static String account(String clientId, String roles, String projectRoles, String secret) {
        return "{\"clientId\":\"" + clientId + "\",\"name\":\"" + clientId + "\",\"roles\":" + roles
                + ",\"projectRoles\":" + projectRoles + ",\"secrets\":["
                + (secret == null ? "" : "{\"secret\":\"" + secret + "\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")
                + "]}";
    }

    private static String key(String publicKey, String privateKey, String role) {
        return "{\"publicKey\":\"" + publicKey + "\",\"privateKey\":\"" + privateKey + "\",\"desc\":\"" + publicKey
                + "\",\"roles\":[\"" + role + "\"]}";
    }

    private static String fixtureSecret(String name) {
        StringBuilder s = new StringBuilder("mdb_sa_sk_Fixture" + name);
        while (s.length() < "mdb_sa_sk_".length() + 40) {
            s.append('x');
        }
        return s.toString();
    }

    public static String orgSecretPath(String orgId, String clientId) {
        return "/api/atlas/v2/orgs/" + orgId + "/serviceAccounts/" + clientId + "/secrets";
    }

    public static String groupSecretPath(String groupId, String clientId) {
        return "/api/atlas/v2/groups/" + groupId + "/serviceAccounts/" + clientId + "/secrets";
    }

    public static String cloudManagerSecretPath(String orgId, String clientId) {
        return "/api/public/v1.0/orgs/" + orgId + "/serviceAccounts/" + clientId + "/secrets/";
    }

    public static String apiKeysPath(String orgId) {
        return "/api/public/v1.0/orgs/" + orgId + "/apiKeys";
    }
}
