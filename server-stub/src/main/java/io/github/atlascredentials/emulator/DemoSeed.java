package io.github.atlascredentials.emulator;

/** The demo seed's ids and credentials (demo values, not secrets), for the emulator and its fixtures alike. */
public final class DemoSeed {
    public static final String ORG_ID = "4888442a3354817a7320eb61";
    public static final String PROJECT_ID = "32b6e34b3d91647abb20e7b8";
    public static final String CLIENT_ID = "mdb_sa_id_6a1b2c3d4e5f60718293a4b5";
    public static final String CLIENT_SECRET = "mdb_sa_sk_DemoSecretDoNotUseOutsideTheEmulator0001";
    public static final String TARGET_CLIENT_ID = "mdb_sa_id_1234567890abcdef12345678";
    public static final String PUBLIC_KEY = "zmmrboas";
    public static final String PRIVATE_KEY = "0f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d";

    private DemoSeed() {}
}
