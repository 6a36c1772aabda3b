package io.github.atlascredentials.emulator.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State in an embedded H2 database file under the data directory. {@code WRITE_DELAY=0} makes
 * every commit reach the file before {@code commit()} returns (H2 otherwise flushes up to 500 ms
 * later), so an acknowledged write survives {@code kill -9} of the process. With {@code syncEachCommit}
 * a {@code CHECKPOINT SYNC} also forces the file to disk (survives power loss; slower).
 * One connection, used under this object's lock; the statements of the write path are prepared once
 * and kept (H2 parsed and planned them again for every group commit).
 */
public final class H2Persistence implements Persistence {
    private final Connection connection;
    private final boolean syncEachCommit;
    private PreparedStatement mergeSecret;
    private PreparedStatement mergeApiKey;
    private PreparedStatement insertSecret;
    private PreparedStatement insertApiKey;
    private PreparedStatement deleteSecret;
    private PreparedStatement deleteApiKey;

    public H2Persistence(Path dataDir, boolean syncEachCommit) {
        this.syncEachCommit = syncEachCommit;
        try {
            Path file = dataDir.toAbsolutePath().resolve("emulator");
            connection = DriverManager.getConnection("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "");
            connection.setAutoCommit(false);
            createSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS meta(k VARCHAR(64) PRIMARY KEY, v VARCHAR(255))");
            s.execute("CREATE TABLE IF NOT EXISTS organizations(id CHAR(24) PRIMARY KEY, name VARCHAR(1000),"
                    + " max_hours INT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS projects(id CHAR(24) PRIMARY KEY, org_id CHAR(24) NOT NULL,"
                    + " name VARCHAR(1000))");
            s.execute("CREATE TABLE IF NOT EXISTS service_accounts(client_id VARCHAR(64) PRIMARY KEY,"
                    + " org_id CHAR(24) NOT NULL, name VARCHAR(1000), roles VARCHAR(1000) NOT NULL)");
            s.execute(
                    "CREATE TABLE IF NOT EXISTS project_roles(client_id VARCHAR(64) NOT NULL,"
                            + " project_id CHAR(24) NOT NULL, roles VARCHAR(1000) NOT NULL, PRIMARY KEY(client_id, project_id))");
            s.execute("CREATE TABLE IF NOT EXISTS secrets(id CHAR(24) PRIMARY KEY, client_id VARCHAR(64) NOT NULL,"
                    + " salt BINARY(16) NOT NULL, hash BINARY(32) NOT NULL, masked VARCHAR(64) NOT NULL,"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " last_used_at TIMESTAMP WITH TIME ZONE)");
            // No UNIQUE index on public_key: the state keeps public keys unique (checked under its write lock),
            // and an index of random 8-letter keys made each commit rewrite a page per key (API key creations
            // with --data-dir: 94-110 against 28 us of the writer's CPU per row). Databases made before keep theirs.
            s.execute("CREATE TABLE IF NOT EXISTS api_keys(id CHAR(24) PRIMARY KEY, org_id CHAR(24) NOT NULL,"
                    + " public_key VARCHAR(16) NOT NULL, ha1 BINARY(16) NOT NULL, masked VARCHAR(64) NOT NULL,"
                    + " descr VARCHAR(1000), roles VARCHAR(1000) NOT NULL)");
            // Kept since the answers carry them (issue 22); a database written before gets the columns, empty.
            s.execute("ALTER TABLE service_accounts ADD COLUMN IF NOT EXISTS description VARCHAR(1000)");
            s.execute("ALTER TABLE service_accounts ADD COLUMN IF NOT EXISTS created_at TIMESTAMP WITH TIME ZONE");
            s.execute("ALTER TABLE api_keys ADD COLUMN IF NOT EXISTS project_roles VARCHAR(4000)");
        }
        // No commit(): H2 commits each CREATE TABLE itself, and the tables are created again on the next
        // open if they are lost, so a CHECKPOINT SYNC here would add nothing.
    }

    @Override
    public synchronized Snapshot load() {
        try (Statement s = connection.createStatement()) {
            List<Organization> orgs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, name, max_hours FROM organizations ORDER BY id")) {
                while (rs.next()) {
                    orgs.add(new Organization(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
            List<Project> projects = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, org_id, name FROM projects ORDER BY id")) {
                while (rs.next()) {
                    projects.add(new Project(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            Map<String, Map<String, Set<String>>> projectRoles = new HashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT client_id, project_id, roles FROM project_roles")) {
                while (rs.next()) {
                    projectRoles
                            .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), split(rs.getString(3)));
                }
            }
            List<ServiceAccount> accounts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT client_id, org_id, name, roles, description, created_at"
                    + " FROM service_accounts ORDER BY client_id")) {
                while (rs.next()) {
                    String clientId = rs.getString(1);
                    accounts.add(new ServiceAccount(
                            clientId,
                            rs.getString(2),
                            rs.getString(3),
                            split(rs.getString(4)),
                            projectRoles.getOrDefault(clientId, Map.of()),
                            rs.getString(5),
                            instant(rs, 6)));
                }
            }
            List<StoredSecret> secrets = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, client_id, salt, hash, masked, created_at, expires_at,"
                    + " last_used_at FROM secrets ORDER BY created_at, id")) {
                while (rs.next()) {
                    secrets.add(new StoredSecret(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getBytes(3),
                            rs.getBytes(4),
                            rs.getString(5),
                            instant(rs, 6),
                            instant(rs, 7),
                            instant(rs, 8)));
                }
            }
            List<StoredApiKey> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, org_id, public_key, ha1, masked, descr, roles, project_roles"
                    + " FROM api_keys ORDER BY id")) {
                while (rs.next()) {
                    keys.add(new StoredApiKey(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBytes(4),
                            rs.getString(5),
                            rs.getString(6),
                            List.copyOf(split(rs.getString(7))),
                            projectRolesOf(rs.getString(8))));
                }
            }
            return new Snapshot(orgs, projects, accounts, secrets, keys);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean initialized() {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM meta WHERE k = 'initialized'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void saveAll(Snapshot snapshot) {
        inTransaction(() -> {
            try (PreparedStatement ps =
                    connection.prepareStatement("MERGE INTO organizations KEY(id) VALUES(?, ?, ?)")) {
                for (Organization o : snapshot.organizations()) {
                    ps.setString(1, o.id());
                    ps.setString(2, o.name());
                    ps.setInt(3, o.maxServiceAccountSecretValidityInHours());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("MERGE INTO projects KEY(id) VALUES(?, ?, ?)")) {
                for (Project p : snapshot.projects()) {
                    ps.setString(1, p.id());
                    ps.setString(2, p.orgId());
                    ps.setString(3, p.name());
                    ps.executeUpdate();
                }
            }
            for (ServiceAccount sa : snapshot.serviceAccounts()) {
                writeServiceAccount(sa);
            }
            writeSecrets(snapshot.secrets());
            for (StoredApiKey key : snapshot.apiKeys()) {
                writeApiKey(key);
            }
            try (Statement s = connection.createStatement()) {
                s.execute("MERGE INTO meta KEY(k) VALUES('initialized', 'true')");
            }
        });
    }

    @Override
    public synchronized void saveSecrets(List<StoredSecret> secrets) {
        inTransaction(() -> writeSecrets(secrets));
    }

    /** All changes in one transaction: one commit (one write of the file) for the whole group. */
    @Override
    public synchronized void apply(List<Change> changes) {
        inTransaction(() -> {
            for (Change change : changes) {
                if (change instanceof SaveSecrets c) {
                    writeSecrets(c.secrets());
                } else if (change instanceof SaveApiKey c) {
                    writeApiKey(c.key());
                } else if (change instanceof CreateSecret c) {
                    insertSecret(c.secret());
                } else if (change instanceof CreateApiKey c) {
                    insertApiKey(c.key());
                } else if (change instanceof SaveServiceAccount c) {
                    writeServiceAccount(c.account());
                } else if (change instanceof RemoveSecret c) {
                    deleteSecret(c.secretId());
                } else if (change instanceof RemoveApiKey c) {
                    deleteApiKey(c.apiKeyId());
                }
            }
        });
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public synchronized void saveApiKey(StoredApiKey key) {
        inTransaction(() -> writeApiKey(key));
    }

    @Override
    public synchronized void saveServiceAccount(ServiceAccount account) {
        inTransaction(() -> writeServiceAccount(account));
    }

    private void writeServiceAccount(ServiceAccount sa) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO service_accounts(client_id, org_id, name,"
                        + " roles, description, created_at) KEY(client_id) VALUES(?, ?, ?, ?, ?, ?)");
                PreparedStatement pr = connection.prepareStatement(
                        "MERGE INTO project_roles KEY(client_id, project_id) VALUES(?, ?, ?)")) {
            ps.setString(1, sa.clientId());
            ps.setString(2, sa.orgId());
            ps.setString(3, sa.name());
            ps.setString(4, String.join(",", sa.roles()));
            ps.setString(5, sa.description());
            ps.setTimestamp(6, sa.createdAt() == null ? null : Timestamp.from(sa.createdAt()));
            ps.executeUpdate();
            for (Map.Entry<String, Set<String>> e : sa.projectRoles().entrySet()) {
                pr.setString(1, sa.clientId());
                pr.setString(2, e.getKey());
                pr.setString(3, String.join(",", e.getValue()));
                pr.executeUpdate();
            }
        }
    }

    @Override
    public synchronized void removeSecret(String secretId) {
        inTransaction(() -> deleteSecret(secretId));
    }

    @Override
    public synchronized void removeApiKey(String apiKeyId) {
        inTransaction(() -> deleteApiKey(apiKeyId));
    }

    private void deleteSecret(String id) throws SQLException {
        if (deleteSecret == null) {
            deleteSecret = connection.prepareStatement("DELETE FROM secrets WHERE id = ?");
        }
        deleteSecret.setString(1, id);
        deleteSecret.executeUpdate();
    }

    private void deleteApiKey(String id) throws SQLException {
        if (deleteApiKey == null) {
            deleteApiKey = connection.prepareStatement("DELETE FROM api_keys WHERE id = ?");
        }
        deleteApiKey.setString(1, id);
        deleteApiKey.executeUpdate();
    }

    @Override
    public synchronized void clear() {
        inTransaction(() -> {
            try (Statement s = connection.createStatement()) {
                for (String table : List.of(
                        "meta",
                        "organizations",
                        "projects",
                        "service_accounts",
                        "project_roles",
                        "secrets",
                        "api_keys")) {
                    s.execute("DELETE FROM " + table);
                }
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on shutdown: nothing left to do
        }
    }

    private void writeSecrets(List<StoredSecret> secrets) throws SQLException {
        if (mergeSecret == null) {
            mergeSecret = connection.prepareStatement("MERGE INTO secrets KEY(id) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        }
        for (StoredSecret s : secrets) {
            bindSecret(mergeSecret, s);
            mergeSecret.executeUpdate();
        }
    }

    /**
     * A new secret: an INSERT, where a MERGE first looked the id up to update a row that cannot exist (the id is
     * new). A row with the id would fail the group, as any failed write does.
     */
    private void insertSecret(StoredSecret secret) throws SQLException {
        if (insertSecret == null) {
            insertSecret = connection.prepareStatement("INSERT INTO secrets(id, client_id, salt, hash, masked,"
                    + " created_at, expires_at, last_used_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        }
        bindSecret(insertSecret, secret);
        insertSecret.executeUpdate();
    }

    private static void bindSecret(PreparedStatement ps, StoredSecret s) throws SQLException {
        ps.setString(1, s.id());
        ps.setString(2, s.clientId());
        ps.setBytes(3, s.salt());
        ps.setBytes(4, s.hash());
        ps.setString(5, s.maskedValue());
        ps.setTimestamp(6, Timestamp.from(s.createdAt()));
        ps.setTimestamp(7, Timestamp.from(s.expiresAt()));
        ps.setTimestamp(8, s.lastUsedAt() == null ? null : Timestamp.from(s.lastUsedAt()));
    }

    private void writeApiKey(StoredApiKey key) throws SQLException {
        if (mergeApiKey == null) {
            mergeApiKey = connection.prepareStatement(
                    "MERGE INTO api_keys(id, org_id, public_key, ha1, masked, descr, roles, project_roles) KEY(id)"
                            + " VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        }
        bindApiKey(mergeApiKey, key);
        mergeApiKey.executeUpdate();
    }

    /** A new API key: an INSERT, as for {@link #insertSecret}. */
    private void insertApiKey(StoredApiKey key) throws SQLException {
        if (insertApiKey == null) {
            insertApiKey = connection.prepareStatement(
                    "INSERT INTO api_keys(id, org_id, public_key, ha1, masked, descr, roles, project_roles)"
                            + " VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
        }
        bindApiKey(insertApiKey, key);
        insertApiKey.executeUpdate();
    }

    private static void bindApiKey(PreparedStatement ps, StoredApiKey key) throws SQLException {
        ps.setString(1, key.id());
        ps.setString(2, key.orgId());
        ps.setString(3, key.publicKey());
        ps.setBytes(4, key.ha1());
        ps.setString(5, key.maskedPrivateKey());
        ps.setString(6, key.desc());
        ps.setString(7, String.join(",", key.roles()));
        ps.setString(8, projectRolesText(key.projectRoles()));
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work) {
        try {
            work.run();
            commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
            throw new IllegalStateException("cannot write to the database: " + e.getMessage(), e);
        }
    }

    private void commit() throws SQLException {
        connection.commit();
        if (syncEachCommit) {
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** An API key's project roles as stored: {@code groupId:ROLE} pairs, comma-separated. */
    private static String projectRolesText(Map<String, Set<String>> projectRoles) {
        List<String> pairs = new ArrayList<>();
        projectRoles.forEach((groupId, roles) -> roles.forEach(role -> pairs.add(groupId + ":" + role)));
        return String.join(",", pairs);
    }

    private static Map<String, Set<String>> projectRolesOf(String text) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (String pair : split(text)) {
            String[] parts = pair.split(":", 2);
            roles.computeIfAbsent(parts[0], k -> new LinkedHashSet<>()).add(parts[1]);
        }
        return roles;
    }

    private static Set<String> split(String csv) {
        if (csv == null || csv.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(csv.split(",")));
    }
}
