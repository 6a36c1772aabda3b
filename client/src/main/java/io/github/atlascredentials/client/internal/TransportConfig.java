package io.github.atlascredentials.client.internal;

import io.github.atlascredentials.client.Connector;
import java.time.Duration;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.apache5.connector.Apache5HttpClientBuilderConfigurator;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;

/** Applies the connector and the finite timeouts to a Jersey client configuration. */
public final class TransportConfig {
    /** The API calls' pool: the default every concurrency test runs with. */
    public static final int API_CONNECTIONS_PER_HOST = 16;
    /** Token requests and revocations: one at a time per client (single flight), plus a spare. */
    public static final int OAUTH_CONNECTIONS_PER_HOST = 2;

    private TransportConfig() {}

    public static void apply(
            ClientConfig config,
            Connector connector,
            Duration connectTimeout,
            Duration readTimeout,
            int connectionsPerHost) {
        config.property(ClientProperties.CONNECT_TIMEOUT, Math.toIntExact(connectTimeout.toMillis()));
        config.property(ClientProperties.READ_TIMEOUT, Math.toIntExact(readTimeout.toMillis()));
        switch (connector) {
            case APACHE5 -> Apache5.apply(config, connectTimeout, readTimeout, connectionsPerHost);
            default -> throw new IllegalArgumentException("unknown connector " + connector);
        }
    }

    /** In its own class so that the Apache classes are only loaded when chosen. */
    private static final class Apache5 {
        private static final HttpRequestRetryStrategy NEVER_RETRY =
                new DefaultHttpRequestRetryStrategy(0, TimeValue.ZERO_MILLISECONDS);

        static void apply(ClientConfig config, Duration connectTimeout, Duration readTimeout, int connectionsPerHost) {
            // Connections that never write headers or bodies to HttpClient's header and wire logs (credentials).
            PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                    .setConnectionFactory(QuietApacheConnections.INSTANCE)
                    .build();
            // A connection manager of our own does not inherit Jersey's timeouts: set them here too.
            pool.setDefaultConnectionConfig(ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                    .setSocketTimeout(Timeout.ofMilliseconds(readTimeout.toMillis()))
                    .build());
            pool.setDefaultMaxPerRoute(connectionsPerHost);
            pool.setMaxTotal(connectionsPerHost * 4);
            config.property(Apache5ClientProperties.CONNECTION_MANAGER, pool);
            // HttpClient 5 resends idempotent requests (a DELETE, say) after NoHttpResponseException by itself: a
            // delete that was applied and whose answer was lost would come back as 404. Only RetryPolicy resends.
            config.property(Apache5ClientProperties.RETRY_STRATEGY, NEVER_RETRY);
            config.register((Apache5HttpClientBuilderConfigurator) HttpClientBuilder::disableAutomaticRetries);
            config.connectorProvider(new Apache5ConnectorProvider());
        }
    }
}
