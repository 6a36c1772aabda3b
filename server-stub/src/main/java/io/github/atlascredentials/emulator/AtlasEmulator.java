package io.github.atlascredentials.emulator;

import io.github.atlascredentials.emulator.admin.AdminToken;
import io.github.atlascredentials.emulator.admin.TestSupportAccess;
import io.github.atlascredentials.emulator.admin.TestSupportGuard;
import io.github.atlascredentials.emulator.auth.DigestAuthenticator;
import io.github.atlascredentials.emulator.auth.FixedWindowRateLimiter;
import io.github.atlascredentials.emulator.auth.TokenBucketRateLimiter;
import io.github.atlascredentials.emulator.auth.TokenService;
import io.github.atlascredentials.emulator.http.ApiHttpHandler;
import io.github.atlascredentials.emulator.http.ErrorMappers;
import io.github.atlascredentials.emulator.http.GrizzlyGuards;
import io.github.atlascredentials.emulator.http.LazyHttpHandler;
import io.github.atlascredentials.emulator.http.RequestPipeline;
import io.github.atlascredentials.emulator.http.RequestStep;
import io.github.atlascredentials.emulator.http.ResourceMethods;
import io.github.atlascredentials.emulator.http.ResponseFinisher;
import io.github.atlascredentials.emulator.http.RouteTable;
import io.github.atlascredentials.emulator.http.TestSupportAnswers;
import io.github.atlascredentials.emulator.http.TestSupportRoutes;
import io.github.atlascredentials.emulator.http.UpgradeIgnoringAddOn;
import io.github.atlascredentials.emulator.http.steps.AccessStep;
import io.github.atlascredentials.emulator.http.steps.ApiRateLimitStep;
import io.github.atlascredentials.emulator.http.steps.BodySizeStep;
import io.github.atlascredentials.emulator.http.steps.BodyValidationStep;
import io.github.atlascredentials.emulator.http.steps.ClientCredentialStep;
import io.github.atlascredentials.emulator.http.steps.ClientRateLimitStep;
import io.github.atlascredentials.emulator.http.steps.ContentTypeStep;
import io.github.atlascredentials.emulator.http.steps.CredentialStep;
import io.github.atlascredentials.emulator.http.steps.FaultStep;
import io.github.atlascredentials.emulator.http.steps.FormStep;
import io.github.atlascredentials.emulator.http.steps.ImplementationStep;
import io.github.atlascredentials.emulator.http.steps.PathParameterStep;
import io.github.atlascredentials.emulator.http.steps.QueryParameterStep;
import io.github.atlascredentials.emulator.http.steps.VersionStep;
import io.github.atlascredentials.emulator.pact.ProviderStatesResource;
import io.github.atlascredentials.emulator.resources.OAuthResource;
import io.github.atlascredentials.emulator.resources.ProgrammaticApiKeysResource;
import io.github.atlascredentials.emulator.resources.ServiceAccountsResource;
import io.github.atlascredentials.emulator.resources.TestSupportResource;
import io.github.atlascredentials.emulator.seed.SeedDocument;
import io.github.atlascredentials.emulator.seed.SeedParser;
import io.github.atlascredentials.emulator.state.EmulatorState;
import io.github.atlascredentials.emulator.state.H2Persistence;
import io.github.atlascredentials.emulator.state.Persistence;
import io.github.atlascredentials.emulator.state.SecretCreations;
import io.github.atlascredentials.spec.rules.ApiRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainerProvider;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A running emulator of the credential endpoints. Start one in-process with
 * {@code AtlasEmulator.builder().port(0).start()}; {@link #baseUri()} says where it listens and
 * {@link #close()} stops it. Thread-safe.
 */
public final class AtlasEmulator implements AutoCloseable, EmulatorControls {
    /** The demo seed's credentials, printed at start-up; demo values, not secrets. */
    public static final String DEMO_ORG_ID = DemoSeed.ORG_ID;

    public static final String DEMO_PROJECT_ID = DemoSeed.PROJECT_ID;
    public static final String DEMO_CLIENT_ID = DemoSeed.CLIENT_ID;
    public static final String DEMO_CLIENT_SECRET = DemoSeed.CLIENT_SECRET;
    public static final String DEMO_TARGET_CLIENT_ID = DemoSeed.TARGET_CLIENT_ID;
    public static final String DEMO_PUBLIC_KEY = DemoSeed.PUBLIC_KEY;
    public static final String DEMO_PRIVATE_KEY = DemoSeed.PRIVATE_KEY;

    private final Builder settings;
    private final EmulatorClock clock;
    private final SeedDocument seed;
    private final String seedSource;
    private final Persistence persistence;
    private final EmulatorState state;
    private final TokenService tokens;
    private final DigestAuthenticator digest;
    private final FixedWindowRateLimiter tokenLimiter;
    private final FixedWindowRateLimiter apiLimiter;
    private final TokenBucketRateLimiter atlasBuckets;
    private final TokenBucketRateLimiter.Settings defaultAtlasRateLimit;
    private final SecretCreations secretCreations = new SecretCreations();
    private final FaultStep faults = new FaultStep();
    private final FixedWindowRateLimiter wrongAdminTokenLimiter;
    private final TestSupportAccess testSupportAccess;
    private final HttpServer server;
    private final URI baseUri;

    private AtlasEmulator(Builder b) {
        this.settings = b;
        this.clock = b.clock;
        this.seedSource =
                b.seedFile != null ? b.seedFile.toString() : b.seed != null ? "seed document" : "built-in demo seed";
        this.persistence = b.dataDir != null ? new H2Persistence(b.dataDir, b.syncWrites) : Persistence.none();
        this.state = new EmulatorState(clock, persistence, b.maxSecretsPerAccount);
        // Reading the seed (or the database) and building the server are independent and each take
        // a few hundred milliseconds on a cold JVM: do them side by side.
        CompletableFuture<SeedDocument> loaded = CompletableFuture.supplyAsync(
                () -> loadState(b), task -> new Thread(task, "emulator-seed-loader").start());
        HttpServer http = null;
        try {
            this.tokens = new TokenService(clock, b.maxActiveTokensPerAccount);
            this.digest = new DigestAuthenticator(state, clock, b.nonceLifetime);
            this.tokenLimiter = new FixedWindowRateLimiter(clock, b.tokenRateLimitPerMinute);
            this.apiLimiter = new FixedWindowRateLimiter(clock, b.apiRateLimitPerMinute);
            this.atlasBuckets = new TokenBucketRateLimiter(
                    clock, b.atlasRateLimitCapacity, b.atlasRateLimitRefill, b.atlasRateLimitRefillSeconds);
            this.defaultAtlasRateLimit = atlasBuckets.settings();
            // Wrong admin tokens are limited like guesses at the token endpoint, per caller address.
            this.wrongAdminTokenLimiter = new FixedWindowRateLimiter(clock, b.tokenRateLimitPerMinute);
            this.testSupportAccess = TestSupportAccess.decide(b.testSupportEndpoints, b.bind, b.adminToken != null);
            http = createServer(b.bind, b.port, b.rules, b.adminToken);
            this.seed = awaitSeed(loaded);
            startListening(http, b.bind, b.port);
            this.server = http;
        } catch (RuntimeException e) {
            loaded.handle((doc, failure) -> null).join();
            if (http != null) {
                http.shutdownNow();
            }
            state.close();
            persistence.close();
            throw e;
        }
        NetworkListener listener = server.getListeners().iterator().next();
        this.baseUri = URI.create("http://" + hostForUri(b.bind) + ":" + listener.getPort());
    }

    private SeedDocument loadState(Builder b) {
        SeedDocument document =
                b.seed != null ? b.seed : b.seedFile != null ? SeedParser.parse(b.seedFile) : demoSeed();
        if (!state.restore()) {
            state.load(seedSource, document);
        }
        return document;
    }

    private static SeedDocument awaitSeed(CompletableFuture<SeedDocument> loaded) {
        try {
            return loaded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For example {@code http://127.0.0.1:8080}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    public EmulatorClock clock() {
        return clock;
    }

    /**
     * Keeps the secret creations of one service account in progress until the returned hold is
     * released, so that a second create for the account meets one in progress and is refused with
     * 409 {@code DATA_CONCURRENCY_ERROR}, as the real service refuses two creates at once. Use
     * {@link SecretCreations.Hold#awaitHeld} to know that the first create has arrived.
     */
    public SecretCreations.Hold holdSecretCreations(String clientId) {
        return secretCreations.hold(Objects.requireNonNull(clientId, "clientId"));
    }

    /**
     * The next request of the operation ({@code operationId} of the spec) fails with {@code status},
     * 500 or 503, in the shape the real service documents for it ({@code UNEXPECTED_ERROR} /
     * {@code SERVICE_UNAVAILABLE}, or on the OAuth endpoints {@code server_error} /
     * {@code temporarily_unavailable}); {@code retryAfterSeconds} (may be null) adds {@code Retry-After}.
     * Each call fails one request; {@link #reset()} forgets pending faults.
     */
    public void failNextRequest(String operationId, int status, Long retryAfterSeconds) {
        if (SpecFacts.RULES.operation(operationId).isEmpty()) {
            throw new IllegalArgumentException("the spec has no operation " + operationId);
        }
        faults.inject(operationId, status, retryAfterSeconds);
    }

    /**
     * Changes the Atlas v2 token buckets until the next {@link #reset()} (which restores the configured
     * ones); every bucket is full again. For tests that need an empty bucket without many requests.
     */
    public void atlasRateLimit(int capacity, int refill, int refillSeconds) {
        atlasBuckets.configure(new TokenBucketRateLimiter.Settings(capacity, refill, refillSeconds));
    }

    /** The secret creations in progress and their holds (for the test-support endpoints). */
    public SecretCreations secretCreations() {
        return secretCreations;
    }

    public boolean isPersistent() {
        return settings.dataDir != null;
    }

    /**
     * Who may call {@code /_emulator/*} over HTTP. The Java methods ({@link #reset()}, {@link #loadSeed},
     * {@link #clock()}) need no token in any case.
     */
    public TestSupportAccess testSupportAccess() {
        return testSupportAccess;
    }

    /** Back to the seed: all created secrets, keys, tokens and nonces are forgotten (the clock is kept). */
    public void reset() {
        forgetRequestState();
        state.clear();
        state.load(seedSource, seed);
    }

    /**
     * Like {@link #reset()}, but afterwards the emulator holds exactly {@code document} instead of the seed it
     * started with (demo seed or not), so a test can set the whole state without clashing with seeded ids.
     */
    public void replaceSeed(SeedDocument document) {
        Objects.requireNonNull(document, "document");
        forgetRequestState();
        state.clear();
        state.load("seed document", document);
    }

    /**
     * Test support for recorded contracts: accepts {@code token} as a bearer token issued now to {@code clientId}
     * with its secret {@code secretId}, until it expires or the next reset.
     */
    public void acceptFixtureToken(String token, String clientId, String secretId) {
        tokens.acceptFixture(token, clientId, secretId);
    }

    /** Test support for recorded contracts: see {@link DigestAuthenticator#fixNonce}; until the next reset. */
    public void fixDigestNonce(String nonce) {
        digest.fixNonce(nonce);
    }

    /** Test support: the token requests of {@code clientId} from {@code remoteAddress} are used up for this minute. */
    public void useUpTokenRequests(String clientId, String remoteAddress) {
        String key = ClientRateLimitStep.key(clientId, remoteAddress);
        while (tokenLimiter.acquire(key).allowed()) {
            // each call takes one request of the window
        }
    }

    /** Test support: issues tokens to {@code clientId} (with {@code secretId}) until it holds the maximum. */
    public void issueTokensUpToMaximum(String clientId, String secretId) {
        while (tokens.issue(clientId, secretId).isPresent()) {
            // the service answers empty once the account holds the maximum of active tokens
        }
    }

    /** Test support: empties the Atlas token bucket that a request of {@code operationId} with these path parameters uses. */
    public void emptyAtlasBucket(String operationId, Map<String, String> pathParameters) {
        var operation = SpecFacts.RULES
                .operation(operationId)
                .orElseThrow(() -> new IllegalArgumentException("the spec has no operation " + operationId));
        String key = ApiRateLimitStep.bucketKey(operation.path(), pathParameters);
        while (atlasBuckets.acquire(key).allowed()) {
            // each call takes one token of the bucket
        }
    }

    private void forgetRequestState() {
        tokens.clear();
        digest.clear();
        tokenLimiter.clear();
        apiLimiter.clear();
        atlasBuckets.configure(defaultAtlasRateLimit);
        faults.clear();
        secretCreations.releaseAll();
        wrongAdminTokenLimiter.clear();
    }

    /** Adds organizations from another seed document; ids must be new. */
    public void loadSeed(SeedDocument more) {
        state.load("seed document", more);
    }

    /** Adds organizations from a seed file; ids must be new. */
    public void loadSeed(Path file) {
        state.load(file.toString(), SeedParser.parse(file));
    }

    @Override
    public void close() {
        server.shutdownNow();
        state.close();
        persistence.close();
    }

    /**
     * Jersey checks each registered object as a provider first and, for the test-support resources,
     * warns that it "will be ignored" as a provider, although it serves them as resources. Held here
     * so the level sticks.
     */
    private static final Logger JERSEY_PROVIDER_CHECK =
            quiet("org.glassfish.jersey.internal.inject.Providers", Level.SEVERE);
    /**
     * Grizzly announces each start and stop of a listener at INFO, six lines an emulator: noise in the output
     * of a test suite that starts many. Its warnings still show.
     */
    private static final Logger GRIZZLY_LISTENER =
            quiet("org.glassfish.grizzly.http.server.NetworkListener", Level.WARNING);

    private static final Logger GRIZZLY_SERVER = quiet("org.glassfish.grizzly.http.server.HttpServer", Level.WARNING);

    private static Logger quiet(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        return logger;
    }

    /**
     * The request steps, in the order of precedence of their answers. A step that does not concern an
     * operation (Digest on the token endpoint, a form on a JSON operation) lets it pass.
     */
    private List<RequestStep> requestSteps() {
        return List.of(
                faults,
                new BodySizeStep(SpecFacts.MAX_REQUEST_BODY_BYTES),
                new QueryParameterStep(),
                new PathParameterStep(),
                new ClientRateLimitStep(tokenLimiter),
                new ContentTypeStep(),
                new FormStep(),
                new VersionStep(),
                new CredentialStep(state, tokens, digest),
                new ClientCredentialStep(state),
                new ApiRateLimitStep(apiLimiter, atlasBuckets),
                new AccessStep(state),
                new BodyValidationStep(),
                new ImplementationStep());
    }

    private HttpServer createServer(String bind, int port, ApiRules rules, AdminToken adminToken) {
        List<Object> resources = List.of(
                new ServiceAccountsResource(state, tokens, secretCreations),
                new ProgrammaticApiKeysResource(state),
                new OAuthResource(state, tokens));
        ResourceMethods resourceMethods = ResourceMethods.of(resources);
        boolean testSupport = testSupportAccess != TestSupportAccess.DISABLED;
        RouteTable routes = RouteTable.of(
                rules,
                resourceMethods.operationIds(),
                testSupport ? List.of(TestSupportResource.class, ProviderStatesResource.class) : List.of());
        String serviceVersion = "gitHash=atlas-emulator; versionString=" + version();
        RequestPipeline pipeline =
                new RequestPipeline(routes, requestSteps(), resourceMethods, new ResponseFinisher(serviceVersion));
        HttpHandler testSupportHandler = testSupport
                ? new LazyHttpHandler(
                        "atlas-emulator-test-support", () -> testSupportContainer(routes, adminToken, serviceVersion))
                : null;
        URI uri = URI.create("http://" + hostForUri(bind) + ":" + port + "/");
        HttpServer http =
                GrizzlyHttpServerFactory.createHttpServer(uri, (GrizzlyHttpContainer) null, false, null, false);
        http.getServerConfiguration()
                .addHttpHandler(new ApiHttpHandler(pipeline, testSupportHandler), HttpHandlerRegistration.ROOT);
        for (NetworkListener listener : http.getListeners()) {
            listener.registerAddOn(new UpgradeIgnoringAddOn());
            listener.setMaxPendingBytes(-1);
            if (persistence.durable()) {
                // A write waits for its group's commit, holding its worker thread: the group can only be as large
                // as the number of workers (Grizzly's default is 2 per core), so give the waits threads of their own.
                listener.getTransport()
                        .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                                .copy()
                                .setPoolName("grizzly-http-server")
                                .setCorePoolSize(DATA_DIR_WORKERS)
                                .setMaxPoolSize(DATA_DIR_WORKERS));
            }
        }
        http.getServerConfiguration().setDefaultErrorPageGenerator(new JsonErrorPage());
        GrizzlyGuards.install(http, serviceVersion);
        return http;
    }

    /**
     * The test-support paths' JAX-RS application in Jersey's Grizzly container, built on their first request. It
     * serves only {@code /_emulator}: the spec's paths never reach JAX-RS.
     */
    private HttpHandler testSupportContainer(RouteTable routes, AdminToken adminToken, String serviceVersion) {
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .register(JacksonFeature.withoutExceptionMappers())
                .register(new JsonMapperResolver())
                .register(new TestSupportGuard(testSupportAccess, adminToken, wrongAdminTokenLimiter))
                .register(new TestSupportRoutes(routes))
                .register(new TestSupportAnswers(serviceVersion))
                .register(new ErrorMappers.Problems())
                .register(new ErrorMappers.Json())
                .register(new ErrorMappers.Web(SpecFacts.MAX_REQUEST_BODY_BYTES))
                .register(new ErrorMappers.Unexpected())
                .register(new TestSupportResource(this, testSupportAccess == TestSupportAccess.OPEN))
                .register(new ProviderStatesResource(this));
        GrizzlyHttpContainer container =
                new GrizzlyHttpContainerProvider().createContainer(GrizzlyHttpContainer.class, config);
        return GrizzlyGuards.guardTargets(container, routes, serviceVersion);
    }

    /** Worker threads with {@code --data-dir}: enough for the connections of a busy test suite to share commits. */
    private static final int DATA_DIR_WORKERS = 64;

    private static void startListening(HttpServer http, String bind, int port) {
        try {
            http.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The project version, from the build-filtered {@code emulator.properties} (one version, set in the root pom). */
    static String version() {
        try (InputStream in = AtlasEmulator.class.getResourceAsStream("emulator.properties")) {
            Properties build = new Properties();
            if (in != null) {
                build.load(in);
            }
            return build.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SeedDocument demoSeed() {
        try (InputStream in = AtlasEmulator.class.getResourceAsStream("demo-seed.json")) {
            return SeedParser.parse(
                    "built-in demo seed",
                    Objects.requireNonNull(in, "demo-seed.json").readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configures an emulator; every setting has a default. */
    public static final class Builder {
        private int port = 8080;
        private String bind = "127.0.0.1";
        private Path seedFile;
        private SeedDocument seed;
        private Path dataDir;
        private boolean syncWrites;
        private EmulatorClock clock = new EmulatorClock();
        private ApiRules rules = SpecFacts.RULES;
        private int maxSecretsPerAccount = SpecFacts.MAX_SECRETS_PER_ACCOUNT;
        private int maxActiveTokensPerAccount = SpecFacts.MAX_ACTIVE_TOKENS_PER_ACCOUNT;
        private int tokenRateLimitPerMinute = SpecFacts.TOKEN_REQUESTS_PER_MINUTE;
        private int apiRateLimitPerMinute = 100_000;
        private int atlasRateLimitCapacity = (int) SpecFacts.RULES.limit("atlasRateLimitCapacity");
        private int atlasRateLimitRefill = (int) SpecFacts.RULES.limit("atlasRateLimitRefill");
        private int atlasRateLimitRefillSeconds = (int) SpecFacts.RULES.limit("atlasRateLimitRefillSeconds");
        private Duration nonceLifetime = Duration.ofMinutes(5);
        private AdminToken adminToken;
        private boolean testSupportEndpoints = true;

        private Builder() {}

        /** Port to listen on; 0 picks a free one. Default 8080. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        /** Address to bind; default 127.0.0.1. */
        public Builder bind(String host) {
            this.bind = Objects.requireNonNull(host, "host");
            return this;
        }

        /** A seed file instead of the built-in demo seed. */
        public Builder seed(Path file) {
            this.seedFile = file;
            this.seed = null;
            return this;
        }

        /** A seed document instead of the built-in demo seed. */
        public Builder seed(SeedDocument document) {
            this.seed = document;
            this.seedFile = null;
            return this;
        }

        /** Keep state in an H2 database in this directory (created if needed); default in memory. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Also force every commit to disk with fsync (survives power loss, slower). Default false. */
        public Builder syncWrites(boolean sync) {
            this.syncWrites = sync;
            return this;
        }

        public Builder clock(EmulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The spec's rules for routing, versions and request checks; default the rules this jar was
         * built with. For trying a changed spec in-process without rebuilding (see guide 7).
         */
        public Builder rules(ApiRules specRules) {
            this.rules = Objects.requireNonNull(specRules, "specRules");
            return this;
        }

        /** Secrets per service account, expired ones included; default the spec's {@code maxSecretsPerServiceAccount}. */
        public Builder maxSecretsPerAccount(int max) {
            this.maxSecretsPerAccount = positive(max, "maxSecretsPerAccount");
            return this;
        }

        public Builder maxActiveTokensPerAccount(int max) {
            this.maxActiveTokensPerAccount = positive(max, "maxActiveTokensPerAccount");
            return this;
        }

        /**
         * Token requests per minute per client and IP address; default the spec's
         * {@code tokenRequestsPerMinute} (10, as the real service answers). Tests that obtain many
         * tokens in a minute raise it.
         */
        public Builder tokenRateLimitPerMinute(int limit) {
            this.tokenRateLimitPerMinute = positive(limit, "tokenRateLimitPerMinute");
            return this;
        }

        /**
         * The token buckets of the Atlas v2 operations, one per endpoint set and organization or
         * project: {@code capacity} requests at once, {@code refill} more every {@code refillSeconds}.
         * Defaults: the spec's {@code atlasRateLimit*} limits (high enough not to get in the way); the
         * rate-limit documentation's example is {@code (10, 5, 60)}.
         */
        public Builder atlasRateLimit(int capacity, int refill, int refillSeconds) {
            this.atlasRateLimitCapacity = positive(capacity, "capacity");
            this.atlasRateLimitRefill = positive(refill, "refill");
            this.atlasRateLimitRefillSeconds = positive(refillSeconds, "refillSeconds");
            return this;
        }

        /** Cloud Manager API requests per minute per credential. Default 100000. */
        public Builder apiRateLimitPerMinute(int limit) {
            this.apiRateLimitPerMinute = positive(limit, "apiRateLimitPerMinute");
            return this;
        }

        public Builder nonceLifetime(Duration lifetime) {
            this.nonceLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /**
         * The token that {@code /_emulator/*} then requires over HTTP ({@code Authorization: Bearer <token>}),
         * on any address; at least 16 visible ASCII characters. Without it the endpoints are open on
         * 127.0.0.1 and ::1 and refuse every request on any other bind address. Only a hash is kept.
         */
        public Builder adminToken(String token) {
            this.adminToken = AdminToken.of(token);
            return this;
        }

        /** False: no test-support endpoints over HTTP (404 under /_emulator/); the Java methods still work. Default true. */
        public Builder testSupportEndpoints(boolean enabled) {
            this.testSupportEndpoints = enabled;
            return this;
        }

        /** Starts listening; throws if the port is taken or the seed or data directory is bad. */
        public AtlasEmulator start() {
            return new AtlasEmulator(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return value;
        }
    }
}
