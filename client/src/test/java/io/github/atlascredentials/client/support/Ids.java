package io.github.atlascredentials.client.support;

/** Fixture identifiers in the spec's formats; none is real. */
public final class Ids {
    public static final String ORG_ID = "4888442a3354817a7320eb61";
    public static final String GROUP_ID = "32b6e34b3d91647abb20e7b8";
    public static final String CLIENT_ID = "mdb_sa_id_1234567890abcdef12345678";
    public static final String CLIENT_SECRET = "mdb_sa_sk_TESTONLYtestonlyTESTONLYtestonly0123abcd";
    public static final String PUBLIC_KEY = "zmmrboas";
    public static final String PRIVATE_KEY = "0d7e4a5c-1b2f-4c3d-9e8f-db2c132ca78d";

    private Ids() {}

    /** A distinct valid client id per index, for tests that need many paths. */
    public static String clientId(int index) {
        return String.format("mdb_sa_id_%024x", index + 1);
    }
}
