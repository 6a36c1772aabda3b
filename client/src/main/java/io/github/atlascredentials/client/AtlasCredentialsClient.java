package io.github.atlascredentials.client;

import io.github.atlascredentials.client.auth.ApiKeyCredential;
import io.github.atlascredentials.client.auth.BearerTokenCredential;
import io.github.atlascredentials.client.auth.Credential;
import io.github.atlascredentials.client.auth.ServiceAccountCredential;
import io.github.atlascredentials.client.auth.TokenGrant;
import io.github.atlascredentials.client.generated.api.ProgrammaticApiKeysApi;
import io.github.atlascredentials.client.generated.api.ServiceAccountsApi;
import io.github.atlascredentials.client.generated.invoker.ApiException;
import io.github.atlascredentials.client.generated.invoker.ApiResponse;
import io.github.atlascredentials.client.generated.model.ApiKey;
import io.github.atlascredentials.client.generated.model.ApiKeyRequest;
import io.github.atlascredentials.client.generated.model.ApiKeyUpdateRequest;
import io.github.atlascredentials.client.generated.model.CloudManagerSecretExpiresAfterHours;
import io.github.atlascredentials.client.generated.model.CloudManagerServiceAccountSecretRequest;
import io.github.atlascredentials.client.generated.model.GroupServiceAccount;
import io.github.atlascredentials.client.generated.model.OrgRoleName;
import io.github.atlascredentials.client.generated.model.PaginatedApiKeys;
import io.github.atlascredentials.client.generated.model.PaginatedServiceAccounts;
import io.github.atlascredentials.client.generated.model.ServiceAccount;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecret;
import io.github.atlascredentials.client.generated.model.ServiceAccountSecretRequest;
import io.github.atlascredentials.client.generated.model.ServiceAccountUpdateRequest;
import io.github.atlascredentials.client.internal.AtlasApiClient;
import io.github.atlascredentials.client.internal.EnvelopeUnwrapFilter;
import io.github.atlascredentials.client.internal.Redactor;
import io.github.atlascredentials.client.internal.RequestLogFilter;
import io.github.atlascredentials.client.internal.RequestValidator;
import io.github.atlascredentials.client.internal.TransportConfig;
import io.github.atlascredentials.client.internal.UserAgent;
import io.github.atlascredentials.client.internal.UserAgentFilter;
import io.github.atlascredentials.client.internal.auth.BearerAuthFilter;
import io.github.atlascredentials.client.internal.auth.DigestAuthFilter;
import io.github.atlascredentials.client.internal.auth.OAuthTokenManager;
import io.github.atlascredentials.spec.rules.ApiRules;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.jersey.client.ClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of the Atlas and Cloud Manager credential endpoints. Immutable and thread-safe:
 * build one and share it. {@link #close()} revokes the OAuth token it holds and releases its
 * connections; a call after it throws {@link AtlasClientClosedException}.
 *
 * <pre>{@code
 * try (AtlasCredentialsClient atlas = AtlasCredentialsClient.builder()
 *     .credential(ServiceAccountCredential.of(clientId, secret))
 *     .build()) {
 *   ServiceAccountSecret created = atlas.createOrgServiceAccountSecret(orgId, clientId, 24);
 * }
 * }</pre>
 */
public final class AtlasCredentialsClient implements AutoCloseable {
    /** The default base URL. */
    public static final URI MONGODB_CLOUD = URI.create("https://cloud.mongodb.com");

    private static final Logger LOG = LoggerFactory.getLogger(AtlasCredentialsClient.class);

    private final AtlasApiClient apiClient;
    /** The OAuth endpoints' own small pool: token renewals never wait for the API calls' connections. */
    private final Client oauthHttp;

    private final ServiceAccountsApi serviceAccounts;
    private final ProgrammaticApiKeysApi apiKeys;
    private final OAuthTokenManager tokenManager;
    private final Builder settings;
    private final Redactor redactor;
    private final RequestValidator validator = new RequestValidator(ApiRules.builtIn());
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Rotations of one account through this client run one at a time (they would race to zero secrets). */
    private final RotationLocks rotationLocks = new RotationLocks();

    private AtlasCredentialsClient(Builder b) {
        this.settings = b.copy();
        this.redactor = new Redactor();
        Credential credential = settings.credential;
        String userAgent = UserAgent.build(settings.userAgentSuffix);
        this.oauthHttp = ClientBuilder.newClient(oauthConfig(userAgent));
        this.tokenManager = credential instanceof ServiceAccountCredential sa
                ? new OAuthTokenManager(
                        sa,
                        settings.baseUrl,
                        settings.clock,
                        settings.tokenRenewalAhead,
                        settings.retryPolicy,
                        redactor,
                        oauthHttp)
                : null;
        Object authFilter = authFilter(credential);
        this.apiClient = new AtlasApiClient(
                stripTrailingSlash(settings.baseUrl), userAgent, settings.retryPolicy, redactor, config -> {
                    config.register(new UserAgentFilter(userAgent));
                    TransportConfig.apply(
                            config,
                            settings.connector,
                            settings.connectTimeout,
                            settings.readTimeout,
                            TransportConfig.API_CONNECTIONS_PER_HOST);
                    config.register(authFilter);
                    config.register(new EnvelopeUnwrapFilter());
                    if (settings.requestLog) {
                        config.register(new RequestLogFilter(redactor));
                    }
                });
        this.serviceAccounts = new ServiceAccountsApi(apiClient);
        this.apiKeys = new ProgrammaticApiKeysApi(apiClient);
    }

    private ClientConfig oauthConfig(String userAgent) {
        ClientConfig config = new ClientConfig();
        config.register(new UserAgentFilter(userAgent));
        TransportConfig.apply(
                config,
                settings.connector,
                settings.connectTimeout,
                settings.readTimeout,
                TransportConfig.OAUTH_CONNECTIONS_PER_HOST);
        if (settings.requestLog) {
            config.register(new RequestLogFilter(redactor));
        }
        return config;
    }

    private Object authFilter(Credential credential) {
        if (credential instanceof ApiKeyCredential key) {
            redactor.registerBasic(key.publicKey(), key.privateKey());
            return new DigestAuthFilter(key, settings.readTimeout);
        }
        if (credential instanceof BearerTokenCredential token) {
            redactor.register(token.token());
            return BearerAuthFilter.fixed(token);
        }
        return BearerAuthFilter.managed(tokenManager);
    }

    private static String stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a secret for an organization service account (Atlas Admin API v2,
     * {@code POST /api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}/secrets}).
     *
     * @param secretExpiresAfterHours within the spec's bounds (see the API reference) and the organization's own maximum
     */
    public ServiceAccountSecret createOrgServiceAccountSecret(
            String orgId, String clientId, int secretExpiresAfterHours) {
        ServiceAccountSecretRequest body = secretRequest(secretExpiresAfterHours);
        return call(
                checks("createOrgServiceAccountSecret")
                        .pathParameter("orgId", orgId)
                        .pathParameter("clientId", clientId)
                        .body(body),
                () -> serviceAccounts.createOrgServiceAccountSecretWithHttpInfo(
                        orgId, clientId, body, envelope(), null),
                ServiceAccountSecret.class);
    }

    /**
     * Creates a secret for a service account of a project (Atlas Admin API v2,
     * {@code POST /api/atlas/v2/groups/{groupId}/serviceAccounts/{clientId}/secrets}).
     *
     * @param secretExpiresAfterHours within the spec's bounds (see the API reference) and the organization's own maximum
     */
    public ServiceAccountSecret createGroupServiceAccountSecret(
            String groupId, String clientId, int secretExpiresAfterHours) {
        ServiceAccountSecretRequest body = secretRequest(secretExpiresAfterHours);
        return call(
                checks("createGroupServiceAccountSecret")
                        .pathParameter("groupId", groupId)
                        .pathParameter("clientId", clientId)
                        .body(body),
                () -> serviceAccounts.createGroupServiceAccountSecretWithHttpInfo(
                        groupId, clientId, body, envelope(), null),
                ServiceAccountSecret.class);
    }

    /**
     * Creates a secret for an organization service account (Cloud Manager Public API v1.0,
     * {@code POST /api/public/v1.0/orgs/{orgId}/serviceAccounts/{clientId}/secrets/}). The hours
     * are sent as a JSON string, the type Cloud Manager documents.
     *
     * @param secretExpiresAfterHours within the spec's bounds for Cloud Manager (see the API reference)
     */
    public ServiceAccountSecret createCloudManagerServiceAccountSecret(
            String orgId, String clientId, int secretExpiresAfterHours) {
        CloudManagerServiceAccountSecretRequest body = cloudManagerSecretRequest(secretExpiresAfterHours);
        return call(
                checks("createCloudManagerServiceAccountSecret")
                        .pathParameter("orgId", orgId)
                        .pathParameter("clientId", clientId)
                        .body(body),
                () -> serviceAccounts.createCloudManagerServiceAccountSecretWithHttpInfo(
                        orgId, clientId, body, null, null, null, envelope()),
                ServiceAccountSecret.class);
    }

    /**
     * Creates a programmatic API key in an organization (Cloud Manager Public API v1.0,
     * {@code POST /api/public/v1.0/orgs/{orgId}/apiKeys}; the service answers 200).
     *
     * @param desc within the spec's length bounds, counted in characters (code points)
     * @param roles at least one organization role
     */
    public ApiKey createOrgApiKey(String orgId, String desc, Collection<OrgRoleName> roles) {
        ApiKeyRequest body = apiKeyRequest(desc, roles);
        return call(
                checks("createOrgApiKey").pathParameter("orgId", orgId).body(body),
                () -> apiKeys.createOrgApiKeyWithHttpInfo(orgId, body, null, null, null, envelope()),
                ApiKey.class);
    }

    /**
     * Deletes a secret of an organization service account (Atlas Admin API v2,
     * {@code DELETE /api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}/secrets/{secretId}}). Its slot is free at
     * once and the access tokens obtained with it stop working. Deleting the secret this client authenticates with
     * ends this client's own access: see {@link SecretRotation} for a safe order.
     */
    public void deleteOrgServiceAccountSecret(String orgId, String clientId, String secretId) {
        callNoContent(
                checks("deleteOrgServiceAccountSecret")
                        .pathParameter("orgId", orgId)
                        .pathParameter("clientId", clientId)
                        .pathParameter("secretId", secretId),
                () -> serviceAccounts.deleteOrgServiceAccountSecretWithHttpInfo(
                        orgId, clientId, secretId, null, envelope()));
    }

    /**
     * Deletes a secret of a project's service account (Atlas Admin API v2,
     * {@code DELETE /api/atlas/v2/groups/{groupId}/serviceAccounts/{clientId}/secrets/{secretId}}), with the effects
     * of {@link #deleteOrgServiceAccountSecret}.
     */
    public void deleteGroupServiceAccountSecret(String groupId, String clientId, String secretId) {
        callNoContent(
                checks("deleteGroupServiceAccountSecret")
                        .pathParameter("groupId", groupId)
                        .pathParameter("clientId", clientId)
                        .pathParameter("secretId", secretId),
                () -> serviceAccounts.deleteGroupServiceAccountSecretWithHttpInfo(
                        groupId, clientId, secretId, null, envelope()));
    }

    /**
     * Deletes a secret of an organization service account (Cloud Manager Public API v1.0,
     * {@code DELETE /api/public/v1.0/orgs/{orgId}/serviceAccounts/{clientId}/secrets/{secretId}}), with the effects
     * of {@link #deleteOrgServiceAccountSecret}.
     */
    public void deleteCloudManagerServiceAccountSecret(String orgId, String clientId, String secretId) {
        callNoContent(
                checks("deleteCloudManagerServiceAccountSecret")
                        .pathParameter("orgId", orgId)
                        .pathParameter("clientId", clientId)
                        .pathParameter("secretId", secretId),
                () -> serviceAccounts.deleteCloudManagerServiceAccountSecretWithHttpInfo(
                        orgId, clientId, secretId, null));
    }

    /**
     * Reads an organization service account and its secrets (Atlas Admin API v2,
     * {@code GET /api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}}). Secrets read back carry their id,
     * masked value, creation, expiry and last use, never the secret.
     */
    public ServiceAccount getOrgServiceAccount(String orgId, String clientId) {
        return call(
                checks("getOrgServiceAccount").pathParameter("orgId", orgId).pathParameter("clientId", clientId),
                () -> serviceAccounts.getOrgServiceAccountWithHttpInfo(orgId, clientId, null, envelope()),
                ServiceAccount.class);
    }

    /**
     * Reads a project's service account and its secrets (Atlas Admin API v2,
     * {@code GET /api/atlas/v2/groups/{groupId}/serviceAccounts/{clientId}}); its roles are those in the project.
     */
    public GroupServiceAccount getGroupServiceAccount(String groupId, String clientId) {
        return call(
                checks("getGroupServiceAccount")
                        .pathParameter("groupId", groupId)
                        .pathParameter("clientId", clientId),
                () -> serviceAccounts.getGroupServiceAccountWithHttpInfo(groupId, clientId, null, envelope()),
                GroupServiceAccount.class);
    }

    /**
     * Reads an organization service account and its secrets (Cloud Manager Public API v1.0,
     * {@code GET /api/public/v1.0/orgs/{orgId}/serviceAccounts/{clientId}}).
     */
    public ServiceAccount getCloudManagerServiceAccount(String orgId, String clientId) {
        return call(
                checks("getCloudManagerServiceAccount")
                        .pathParameter("orgId", orgId)
                        .pathParameter("clientId", clientId),
                () -> serviceAccounts.getCloudManagerServiceAccountWithHttpInfo(orgId, clientId, null),
                ServiceAccount.class);
    }

    /**
     * Reads one page of an organization's service accounts with their secrets (Atlas Admin API v2,
     * {@code GET /api/atlas/v2/orgs/{orgId}/serviceAccounts}).
     *
     * @param page which page, for example {@link PageRequest#first(int)} or {@link PageRequest#defaults()}
     */
    public PaginatedServiceAccounts listOrgServiceAccounts(String orgId, PageRequest page) {
        return call(
                pageChecks("listOrgServiceAccounts", page).pathParameter("orgId", orgId),
                () -> serviceAccounts.listOrgServiceAccountsWithHttpInfo(
                        orgId, page.itemsPerPageParameter(), page.pageNumParameter(), null, envelope(), null),
                PaginatedServiceAccounts.class);
    }

    /**
     * Creates a programmatic API key in an organization (Atlas Admin API v2, in the version the spec gives it,
     * {@code POST /api/atlas/v2/orgs/{orgId}/apiKeys}; the service answers 200). The private key is in this answer
     * only.
     */
    public ApiKey createAtlasOrgApiKey(String orgId, String desc, Collection<OrgRoleName> roles) {
        ApiKeyRequest body = apiKeyRequest(desc, roles);
        return call(
                checks("createAtlasOrgApiKey").pathParameter("orgId", orgId).body(body),
                () -> apiKeys.createAtlasOrgApiKeyWithHttpInfo(orgId, body, null),
                ApiKey.class);
    }

    /**
     * Reads one page of an organization's API keys, private keys masked (Atlas Admin API v2,
     * {@code GET /api/atlas/v2/orgs/{orgId}/apiKeys}).
     *
     * @param page which page, for example {@link PageRequest#first(int)} or {@link PageRequest#defaults()}
     */
    public PaginatedApiKeys listOrgApiKeys(String orgId, PageRequest page) {
        return call(
                pageChecks("listOrgApiKeys", page).pathParameter("orgId", orgId),
                () -> apiKeys.listOrgApiKeysWithHttpInfo(
                        orgId, page.itemsPerPageParameter(), page.pageNumParameter(), null, envelope(), null),
                PaginatedApiKeys.class);
    }

    /**
     * Reads an API key of an organization, private key masked (Atlas Admin API v2,
     * {@code GET /api/atlas/v2/orgs/{orgId}/apiKeys/{apiUserId}}).
     */
    public ApiKey getOrgApiKey(String orgId, String apiUserId) {
        return call(
                checks("getOrgApiKey").pathParameter("orgId", orgId).pathParameter("apiUserId", apiUserId),
                () -> apiKeys.getOrgApiKeyWithHttpInfo(orgId, apiUserId, null, envelope()),
                ApiKey.class);
    }

    /**
     * Changes an API key of an organization (Atlas Admin API v2,
     * {@code PATCH /api/atlas/v2/orgs/{orgId}/apiKeys/{apiUserId}}) and returns it, private key masked. Its public
     * and private keys stay; {@code roles} replace its organization roles.
     *
     * @param desc the new description, or null to keep it
     * @param roles the new organization roles (at least one), or null to keep them; not both null
     */
    public ApiKey updateOrgApiKey(String orgId, String apiUserId, String desc, Collection<OrgRoleName> roles) {
        ApiKeyUpdateRequest body = apiKeyUpdate(desc, roles);
        return call(
                checks("updateOrgApiKey")
                        .pathParameter("orgId", orgId)
                        .pathParameter("apiUserId", apiUserId)
                        .body(body),
                () -> apiKeys.updateOrgApiKeyWithHttpInfo(orgId, apiUserId, body, null, envelope()),
                ApiKey.class);
    }

    /**
     * Deletes an API key of an organization (Atlas Admin API v2,
     * {@code DELETE /api/atlas/v2/orgs/{orgId}/apiKeys/{apiUserId}}); Digest with it fails at once.
     */
    public void deleteOrgApiKey(String orgId, String apiUserId) {
        callNoContent(
                checks("deleteOrgApiKey").pathParameter("orgId", orgId).pathParameter("apiUserId", apiUserId),
                () -> apiKeys.deleteOrgApiKeyWithHttpInfo(orgId, apiUserId, null, envelope()));
    }

    /**
     * Changes an organization service account (Atlas Admin API v2,
     * {@code PATCH /api/atlas/v2/orgs/{orgId}/serviceAccounts/{clientId}}) and returns it with its secrets, masked.
     * Its secrets and the tokens they obtained stay valid; {@code roles} replace its organization roles.
     *
     * @param name the new name, or null to keep it
     * @param description the new description, or null to keep it
     * @param roles the new organization roles, or null to keep them; not all three null
     */
    public ServiceAccount updateOrgServiceAccount(
            String orgId, String clientId, String name, String description, Collection<OrgRoleName> roles) {
        ServiceAccountUpdateRequest body = new ServiceAccountUpdateRequest()
                .name(name)
                .description(description)
                .roles(roles == null ? null : new ArrayList<>(roles));
        return call(
                checks("updateOrgServiceAccount")
                        .pathParameter("orgId", orgId)
                        .pathParameter("clientId", clientId)
                        .body(body),
                () -> serviceAccounts.updateOrgServiceAccountWithHttpInfo(orgId, clientId, body, null, envelope()),
                ServiceAccount.class);
    }

    /**
     * Reads one page of an organization's API keys, private keys masked (Cloud Manager Public API v1.0,
     * {@code GET /api/public/v1.0/orgs/{orgId}/apiKeys}).
     *
     * @param page which page, for example {@link PageRequest#first(int)} or {@link PageRequest#defaults()}
     */
    public PaginatedApiKeys listCloudManagerOrgApiKeys(String orgId, PageRequest page) {
        return call(
                pageChecks("listCloudManagerOrgApiKeys", page).pathParameter("orgId", orgId),
                () -> apiKeys.listCloudManagerOrgApiKeysWithHttpInfo(
                        orgId, page.pageNumParameter(), page.itemsPerPageParameter(), null),
                PaginatedApiKeys.class);
    }

    /**
     * Reads an API key of an organization, private key masked (Cloud Manager Public API v1.0,
     * {@code GET /api/public/v1.0/orgs/{orgId}/apiKeys/{apiUserId}}).
     */
    public ApiKey getCloudManagerOrgApiKey(String orgId, String apiUserId) {
        return call(
                checks("getCloudManagerOrgApiKey").pathParameter("orgId", orgId).pathParameter("apiUserId", apiUserId),
                () -> apiKeys.getCloudManagerOrgApiKeyWithHttpInfo(orgId, apiUserId, null),
                ApiKey.class);
    }

    /**
     * Changes an API key of an organization (Cloud Manager Public API v1.0,
     * {@code PATCH /api/public/v1.0/orgs/{orgId}/apiKeys/{apiUserId}}) and returns it, private key masked. Its public
     * and private keys stay; {@code roles} replace its organization roles.
     *
     * @param desc the new description, or null to keep it
     * @param roles the new organization roles (at least one), or null to keep them; not both null
     */
    public ApiKey updateCloudManagerOrgApiKey(
            String orgId, String apiUserId, String desc, Collection<OrgRoleName> roles) {
        ApiKeyUpdateRequest body = apiKeyUpdate(desc, roles);
        return call(
                checks("updateCloudManagerOrgApiKey")
                        .pathParameter("orgId", orgId)
                        .pathParameter("apiUserId", apiUserId)
                        .body(body),
                () -> apiKeys.updateCloudManagerOrgApiKeyWithHttpInfo(orgId, apiUserId, body, null),
                ApiKey.class);
    }

    /**
     * Deletes an API key of an organization (Cloud Manager Public API v1.0,
     * {@code DELETE /api/public/v1.0/orgs/{orgId}/apiKeys/{apiUserId}}); Digest with it fails at once.
     */
    public void deleteCloudManagerOrgApiKey(String orgId, String apiUserId) {
        callNoContent(
                checks("deleteCloudManagerOrgApiKey")
                        .pathParameter("orgId", orgId)
                        .pathParameter("apiUserId", apiUserId),
                () -> apiKeys.deleteCloudManagerOrgApiKeyWithHttpInfo(orgId, apiUserId, null));
    }

    private static ServiceAccountSecretRequest secretRequest(int hours) {
        return new ServiceAccountSecretRequest().secretExpiresAfterHours(hours);
    }

    private static CloudManagerServiceAccountSecretRequest cloudManagerSecretRequest(int hours) {
        return new CloudManagerServiceAccountSecretRequest()
                .secretExpiresAfterHours(new CloudManagerSecretExpiresAfterHours(Integer.toString(hours)));
    }

    private static ApiKeyRequest apiKeyRequest(String desc, Collection<OrgRoleName> roles) {
        return new ApiKeyRequest().desc(desc).roles(roles == null ? null : new ArrayList<>(roles));
    }

    private static ApiKeyUpdateRequest apiKeyUpdate(String desc, Collection<OrgRoleName> roles) {
        return new ApiKeyUpdateRequest().desc(desc).roles(roles == null ? null : new ArrayList<>(roles));
    }

    /** The credential this client authenticates with (for a rotation: never retire it unasked). */
    Credential credential() {
        return settings.credential;
    }

    /**
     * Runs the checks a secret create would run (path parameters, hours within the spec's bounds) without sending
     * it, so that a rotation's builder reports bad input before the rotation deletes anything.
     */
    void checkSecretCreate(String operationId, String parentParameter, String parentId, String clientId, int hours) {
        Object body = operationId.equals("createCloudManagerServiceAccountSecret")
                ? cloudManagerSecretRequest(hours)
                : secretRequest(hours);
        validator
                .checks(operationId)
                .pathParameter(parentParameter, parentId)
                .pathParameter("clientId", clientId)
                .body(body)
                .throwIfAny();
    }

    /** Runs an operation's checks of two path parameters without sending anything (a rotation's builder). */
    void checkPathParameters(String operationId, String firstName, String first, String secondName, String second) {
        validator
                .checks(operationId)
                .pathParameter(firstName, first)
                .pathParameter(secondName, second)
                .throwIfAny();
    }

    /** The locks and open API key rotations of the workflows run through this client. */
    RotationLocks rotationLocks() {
        return rotationLocks;
    }

    /** A new client with this one's settings and another credential (for a rotation to prove a new key). */
    AtlasCredentialsClient withCredential(Credential other) {
        ensureOpen();
        return settings.copy().credential(other).build();
    }

    /**
     * Asks {@code /api/oauth/token} for a new access token for the given service account, without
     * caching it: for example to prove that a freshly created secret works. Revoke it with
     * {@link #revokeAccessToken} when done.
     */
    public TokenGrant requestAccessToken(ServiceAccountCredential credential) {
        ensureOpen();
        return oneOffTokens(credential).requestNewToken();
    }

    /** Revokes an access token of the given service account ({@code /api/oauth/revoke}). */
    public void revokeAccessToken(ServiceAccountCredential credential, String accessToken) {
        ensureOpen();
        Objects.requireNonNull(accessToken, "accessToken");
        oneOffTokens(credential).revoke(accessToken);
    }

    private OAuthTokenManager oneOffTokens(ServiceAccountCredential credential) {
        Objects.requireNonNull(credential, "credential");
        return new OAuthTokenManager(
                credential,
                settings.baseUrl,
                settings.clock,
                settings.tokenRenewalAhead,
                settings.retryPolicy,
                redactor,
                oauthHttp);
    }

    /** The user agent this client sends. */
    public String userAgent() {
        return apiClient.getUserAgent();
    }

    private Boolean envelope() {
        return settings.envelope ? Boolean.TRUE : null;
    }

    /** A generated call; {@link AtlasApiClient} has already translated its errors into ours. */
    @FunctionalInterface
    private interface GeneratedCall {
        ApiResponse<?> invoke() throws ApiException;
    }

    /** The start of every operation: refused on a closed client, then the operation's checks of the spec. */
    private RequestValidator.Checks checks(String operationId) {
        ensureOpen();
        return validator.checks(operationId);
    }

    private RequestValidator.Checks pageChecks(String operationId, PageRequest page) {
        RequestValidator.Checks checks = checks(operationId);
        Objects.requireNonNull(page, "page");
        return checks.queryParameter("pageNum", page.pageNumParameter())
                .queryParameter("itemsPerPage", page.itemsPerPageParameter());
    }

    /** The one invocation path: nothing is sent unless every check passed. */
    private <T> T call(RequestValidator.Checks checks, GeneratedCall call, Class<T> type) {
        ApiResponse<?> response = invoke(checks, call);
        if (response.getData() == null) { // a 204, which no operation returning a body answers
            throw new AtlasResponseException(response.getStatusCode(), "no body", "");
        }
        // The generated signature may say Envelope; AtlasApiClient deserialized the real type.
        return type.cast(response.getData());
    }

    private void callNoContent(RequestValidator.Checks checks, GeneratedCall call) {
        invoke(checks, call);
    }

    private static ApiResponse<?> invoke(RequestValidator.Checks checks, GeneratedCall call) {
        checks.throwIfAny();
        try {
            return call.invoke();
        } catch (ApiException e) {
            throw new IllegalStateException("ApiException escaped the translation of AtlasApiClient", e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new AtlasClientClosedException("this AtlasCredentialsClient is closed; nothing was sent");
        }
    }

    /** Revokes the access token this client holds (if any), then releases its connections. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (tokenManager != null) {
                tokenManager.revokeAll();
            }
        } catch (AtlasClientException e) {
            LOG.warn("could not revoke the access token on close: {}", redactor.redact(e.getMessage()));
        } finally {
            apiClient.getHttpClient().close();
            oauthHttp.close();
        }
    }

    @Override
    public String toString() {
        return "AtlasCredentialsClient[baseUrl=" + settings.baseUrl + ", credential=" + settings.credential
                + ", connector=" + settings.connector + "]";
    }

    /** Settings of a client; {@link #credential(Credential)} is required, everything else has a default. */
    public static final class Builder {
        private URI baseUrl = MONGODB_CLOUD;
        private Credential credential;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private String userAgentSuffix;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean requestLog;
        private boolean envelope;
        private Connector connector = Connector.APACHE5;
        private Duration tokenRenewalAhead = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        private Builder copy() {
            Builder c = new Builder();
            c.baseUrl = baseUrl;
            c.credential = credential;
            c.connectTimeout = connectTimeout;
            c.readTimeout = readTimeout;
            c.userAgentSuffix = userAgentSuffix;
            c.retryPolicy = retryPolicy;
            c.requestLog = requestLog;
            c.envelope = envelope;
            c.connector = connector;
            c.tokenRenewalAhead = tokenRenewalAhead;
            c.clock = clock;
            return c;
        }

        /** Default {@code https://cloud.mongodb.com}. */
        public Builder baseUrl(String url) {
            return baseUrl(URI.create(url));
        }

        public Builder baseUrl(URI url) {
            Objects.requireNonNull(url, "url");
            if (!url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
            }
            this.baseUrl = url;
            return this;
        }

        /** Required: a service account, an API key or a static bearer token. */
        public Builder credential(Credential value) {
            this.credential = Objects.requireNonNull(value, "credential");
            return this;
        }

        /** Default 10 s; must be positive. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive(value, "connectTimeout");
            return this;
        }

        /** Default 30 s; must be positive. */
        public Builder readTimeout(Duration value) {
            this.readTimeout = positive(value, "readTimeout");
            return this;
        }

        /** Appended to the user agent, e.g. {@code my-rotator/2.1}. */
        public Builder userAgentSuffix(String value) {
            this.userAgentSuffix = value;
            return this;
        }

        /** Default {@link RetryPolicy#defaults()}. */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * Logs one line per HTTP exchange through SLF4J, to the logger
         * {@value RequestLogFilter#LOGGER_NAME} at INFO; never credentials or bodies. Default off.
         */
        public Builder requestLog(boolean value) {
            this.requestLog = value;
            return this;
        }

        /**
         * Asks for {@code envelope=true} answers (for proxies that hide status codes) on every operation whose spec
         * declares the parameter (the Atlas creates, reads, lists and deletes, the Cloud Manager creates); unwrapped
         * transparently.
         */
        public Builder envelope(boolean value) {
            this.envelope = value;
            return this;
        }

        /**
         * Default and only choice {@link Connector#APACHE5}: the fastest here, never resends on its own and never logs a
         * credential (see docs/client-connector-benchmark.md and docs/4-errors-and-retries.md).
         */
        public Builder connector(Connector value) {
            this.connector = Objects.requireNonNull(value, "connector");
            return this;
        }

        /** How long before expiry an OAuth token is renewed; default 60 s (at most half its lifetime). */
        public Builder tokenRenewalAhead(Duration value) {
            this.tokenRenewalAhead = Objects.requireNonNull(value, "tokenRenewalAhead");
            return this;
        }

        /** The clock token expiry is measured with; for tests. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public AtlasCredentialsClient build() {
            if (credential == null) {
                throw new IllegalStateException("a credential is required");
            }
            return new AtlasCredentialsClient(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
