package io.github.atlascredentials.emulator.seed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.atlascredentials.emulator.Roles;
import io.github.atlascredentials.emulator.SpecFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads a seed document, reporting the first problem with its JSON path. */
public final class SeedParser {
    private static final Pattern OBJECT_ID = SpecFacts.OBJECT_ID;
    private static final Pattern CLIENT_ID = SpecFacts.CLIENT_ID;
    private static final Pattern SECRET = Pattern.compile("^mdb_sa_sk_[A-Za-z0-9_-]{40}$");
    private static final Pattern PUBLIC_KEY = SpecFacts.PUBLIC_KEY;
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String source;

    private SeedParser(String source) {
        this.source = source;
    }

    public static SeedDocument parse(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SeedException(
                    source, "$", "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
        return parse(source, bytes);
    }

    public static SeedDocument parse(String source, byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SeedException(
                    source,
                    "$",
                    "not well-formed JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SeedException(source, "$", "cannot read JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new SeedException(source, "$", "the document is empty");
        }
        return new SeedParser(source).document(root);
    }

    private SeedDocument document(JsonNode root) {
        requireObject(root, "$", Set.of("organizations"));
        JsonNode orgs = requireArray(root, "$", "organizations");
        List<SeedDocument.Organization> result = new ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            result.add(organization(orgs.get(i), "$.organizations[" + i + "]"));
        }
        return new SeedDocument(result);
    }

    private SeedDocument.Organization organization(JsonNode node, String path) {
        requireObject(
                node,
                path,
                Set.of(
                        "id",
                        "name",
                        "maxServiceAccountSecretValidityInHours",
                        "projects",
                        "serviceAccounts",
                        "apiKeys"));
        String id = requireString(node, path, "id", OBJECT_ID, "must be 24 lowercase hexadecimal characters");
        String name = optionalString(node, path, "name", "Organization " + id);
        int maxHours = SpecFacts.MAX_SECRET_HOURS;
        JsonNode max = node.get("maxServiceAccountSecretValidityInHours");
        if (max != null && !max.isNull()) {
            String p = path + ".maxServiceAccountSecretValidityInHours";
            if (!max.isIntegralNumber() || !max.canConvertToInt()) {
                throw fail(p, "must be a whole number");
            }
            maxHours = max.intValue();
            if (maxHours < SpecFacts.MIN_SECRET_HOURS || maxHours > SpecFacts.MAX_SECRET_HOURS) {
                throw fail(p, "must be between " + SpecFacts.MIN_SECRET_HOURS + " and " + SpecFacts.MAX_SECRET_HOURS);
            }
        }
        List<SeedDocument.Project> projects = new ArrayList<>();
        Set<String> projectIds = new LinkedHashSet<>();
        JsonNode ps = optionalArray(node, path, "projects");
        for (int i = 0; i < ps.size(); i++) {
            String pp = path + ".projects[" + i + "]";
            JsonNode p = ps.get(i);
            requireObject(p, pp, Set.of("id", "name"));
            String pid = requireString(p, pp, "id", OBJECT_ID, "must be 24 lowercase hexadecimal characters");
            if (!projectIds.add(pid)) {
                throw fail(pp + ".id", "duplicate project id " + pid);
            }
            projects.add(new SeedDocument.Project(pid, optionalString(p, pp, "name", "Project " + pid)));
        }
        List<SeedDocument.ServiceAccount> accounts = new ArrayList<>();
        JsonNode sas = optionalArray(node, path, "serviceAccounts");
        for (int i = 0; i < sas.size(); i++) {
            accounts.add(serviceAccount(sas.get(i), path + ".serviceAccounts[" + i + "]", projectIds));
        }
        List<SeedDocument.ApiKey> keys = new ArrayList<>();
        JsonNode ks = optionalArray(node, path, "apiKeys");
        for (int i = 0; i < ks.size(); i++) {
            keys.add(apiKey(ks.get(i), path + ".apiKeys[" + i + "]", projectIds));
        }
        return new SeedDocument.Organization(id, name, maxHours, projects, accounts, keys);
    }

    private SeedDocument.ServiceAccount serviceAccount(JsonNode node, String path, Set<String> projectIds) {
        requireObject(
                node, path, Set.of("clientId", "name", "description", "createdAt", "roles", "projectRoles", "secrets"));
        String clientId = requireString(node, path, "clientId", CLIENT_ID, "must match " + CLIENT_ID.pattern());
        String name = optionalString(node, path, "name", clientId);
        String description = optionalString(node, path, "description", name);
        Instant accountCreatedAt = instant(node, path, "createdAt", false);
        Set<String> roles = roleList(node, path, "roles", Set.copyOf(Roles.ORG_ROLES), "an organization role");
        Map<String, Set<String>> projectRoles = projectRoles(node, path, projectIds);
        List<SeedDocument.Secret> secrets = new ArrayList<>();
        JsonNode ss = optionalArray(node, path, "secrets");
        for (int i = 0; i < ss.size(); i++) {
            String sp = path + ".secrets[" + i + "]";
            JsonNode s = ss.get(i);
            requireObject(s, sp, Set.of("id", "secret", "expiresAt", "createdAt"));
            String id = s.hasNonNull("id")
                    ? requireString(s, sp, "id", OBJECT_ID, "must be 24 lowercase hexadecimal characters")
                    : null;
            String secret = requireString(
                    s, sp, "secret", SECRET, "must be mdb_sa_sk_ followed by 40 characters of [A-Za-z0-9_-]");
            Instant expiresAt = instant(s, sp, "expiresAt", true);
            Instant createdAt = instant(s, sp, "createdAt", false);
            if (createdAt != null && createdAt.isAfter(expiresAt)) {
                throw fail(sp + ".createdAt", "must not be after expiresAt");
            }
            secrets.add(new SeedDocument.Secret(id, secret, createdAt, expiresAt));
        }
        return new SeedDocument.ServiceAccount(
                clientId, name, roles, projectRoles, secrets, description, accountCreatedAt);
    }

    /** {@code projectRoles}: an object of project id (of this organization) to project role names. */
    private Map<String, Set<String>> projectRoles(JsonNode node, String path, Set<String> projectIds) {
        Map<String, Set<String>> projectRoles = new LinkedHashMap<>();
        JsonNode pr = node.get("projectRoles");
        if (pr != null && !pr.isNull()) {
            String p = path + ".projectRoles";
            if (!pr.isObject()) {
                throw fail(p, "must be an object of project id to roles");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = pr.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                if (!projectIds.contains(e.getKey())) {
                    throw fail(p + "." + e.getKey(), "is not a project of this organization");
                }
                projectRoles.put(e.getKey(), roleList(pr, p, e.getKey(), Roles.PROJECT_ROLES, "a project role"));
            }
        }
        return projectRoles;
    }

    private SeedDocument.ApiKey apiKey(JsonNode node, String path, Set<String> projectIds) {
        requireObject(node, path, Set.of("id", "publicKey", "privateKey", "desc", "roles", "projectRoles"));
        String id = node.hasNonNull("id")
                ? requireString(node, path, "id", OBJECT_ID, "must be 24 lowercase hexadecimal characters")
                : null;
        String publicKey = requireString(node, path, "publicKey", PUBLIC_KEY, "must match " + PUBLIC_KEY.pattern());
        String privateKey = requireString(node, path, "privateKey", PRIVATE_KEY, "must be a lowercase UUID");
        String desc = optionalString(node, path, "desc", "API key " + publicKey);
        int length = desc.codePointCount(0, desc.length());
        if (length < SpecFacts.API_KEY_DESC.minLength() || length > SpecFacts.API_KEY_DESC.maxLength()) {
            throw fail(
                    path + ".desc",
                    "must be " + SpecFacts.API_KEY_DESC.minLength() + " to " + SpecFacts.API_KEY_DESC.maxLength()
                            + " characters");
        }
        Set<String> roles = roleList(node, path, "roles", Set.copyOf(Roles.ORG_ROLES), "an organization role");
        Map<String, Set<String>> projectRoles = projectRoles(node, path, projectIds);
        if (roles.isEmpty() && projectRoles.values().stream().allMatch(Set::isEmpty)) {
            throw fail(path + ".roles", "must name at least one role (organization or project)");
        }
        return new SeedDocument.ApiKey(id, publicKey, privateKey, desc, List.copyOf(roles), projectRoles);
    }

    private void requireObject(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw fail(path, "must be an object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw fail(path + "." + name, "unknown field (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private JsonNode requireArray(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw fail(path + "." + field, "is required");
        }
        if (!value.isArray()) {
            throw fail(path + "." + field, "must be an array");
        }
        return value;
    }

    private JsonNode optionalArray(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!value.isArray()) {
            throw fail(path + "." + field, "must be an array");
        }
        return value;
    }

    private String requireString(JsonNode node, String path, String field, Pattern pattern, String rule) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw fail(path + "." + field, "is required");
        }
        if (!value.isTextual()) {
            throw fail(path + "." + field, "must be a string");
        }
        if (!pattern.matcher(value.textValue()).matches()) {
            throw fail(path + "." + field, rule);
        }
        return value.textValue();
    }

    private String optionalString(JsonNode node, String path, String field, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw fail(path + "." + field, "must be a string");
        }
        return value.textValue();
    }

    private Instant instant(JsonNode node, String path, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw fail(path + "." + field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw fail(path + "." + field, "must be an ISO 8601 UTC timestamp string");
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            throw fail(path + "." + field, "must be an ISO 8601 UTC timestamp such as 2030-01-01T00:00:00Z");
        }
    }

    private Set<String> roleList(JsonNode node, String path, String field, Set<String> allowed, String what) {
        JsonNode value = node.get(field);
        Set<String> roles = new LinkedHashSet<>();
        if (value == null || value.isNull()) {
            return roles;
        }
        String p = path + "." + field;
        if (!value.isArray()) {
            throw fail(p, "must be an array of role names");
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode role = value.get(i);
            if (!role.isTextual() || !allowed.contains(role.textValue())) {
                throw fail(
                        p + "[" + i + "]",
                        "must be " + what + " (one of " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            roles.add(role.textValue());
        }
        return roles;
    }

    private SeedException fail(String path, String problem) {
        return new SeedException(source, path, problem);
    }
}
