package io.github.atlascredentials.emulator.http;

import io.github.atlascredentials.emulator.SpecFacts;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;

/**
 * Makes the HTTP layer below JAX-RS answer like the API: every refusal Grizzly or Jersey's container
 * would produce on its own (bare 400, 505, 500 on an illegal URI) becomes a 4xx error JSON. Call once
 * on a server that is not started yet.
 */
public final class GrizzlyGuards {
    /** Request line plus headers (the spec's {@code maxRequestHeadSize}); Grizzly's default, 8 KiB, is too little for long queries. */
    public static final int MAX_HEAD_BYTES = SpecFacts.MAX_REQUEST_HEAD_BYTES;

    private GrizzlyGuards() {}

    public static void install(HttpServer server, String serviceVersion) {
        for (NetworkListener listener : server.getListeners()) {
            listener.setMaxHttpHeaderSize(MAX_HEAD_BYTES);
            listener.registerAddOn(new CodecAddOn(serviceVersion));
        }
        ServerConfiguration config = server.getServerConfiguration();
        // GET, DELETE and HEAD with a body reach the request gate (405 with Allow) instead of a bare 400.
        config.setAllowPayloadForUndefinedHttpMethods(true);
    }

    /** Jersey's container, answering a target or Host that is no legal URI as the API does ({@link RequestTargetGuard}). */
    public static HttpHandler guardTargets(HttpHandler jersey, RouteTable routes, String serviceVersion) {
        return new RequestTargetGuard(jersey, routes, serviceVersion);
    }

    /** Replaces Grizzly's HTTP codec by {@link ApiErrorHttpCodecFilter} with the same settings. */
    private static final class CodecAddOn implements AddOn {
        private final String serviceVersion;

        CodecAddOn(String serviceVersion) {
            this.serviceVersion = serviceVersion;
        }

        @Override
        public void setup(NetworkListener listener, FilterChainBuilder builder) {
            int index = builder.indexOfType(HttpServerFilter.class);
            if (index < 0 || builder.get(index) instanceof ApiErrorHttpCodecFilter) {
                return;
            }
            HttpServerFilter original = (HttpServerFilter) builder.get(index);
            int maxHead = listener.getMaxHttpHeaderSize() > 0 ? listener.getMaxHttpHeaderSize() : MAX_HEAD_BYTES;
            ApiErrorHttpCodecFilter replacement = new ApiErrorHttpCodecFilter(listener, maxHead, serviceVersion);
            replacement.copySettingsOf(original);
            builder.set(index, replacement);
        }
    }
}
