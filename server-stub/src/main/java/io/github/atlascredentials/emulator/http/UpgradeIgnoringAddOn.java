package io.github.atlascredentials.emulator.http;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.HttpEvents.IncomingHttpUpgradeEvent;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

import java.io.IOException;

/**
 * Serves {@code Upgrade: h2c} requests (sent by default by {@code java.net.http.HttpClient} on
 * cleartext) as plain HTTP/1.1. Grizzly would otherwise treat the request as upgraded and never read
 * its body. RFC 7230 lets a server ignore an Upgrade header, and the client then keeps HTTP/1.1.
 */
public final class H2cUpgradeIgnoringAddOn implements AddOn {

    @Override
    public void setup(NetworkListener networkListener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        builder.add(codec + 1, new IgnoreH2cFilter());
    }

    static final class IgnoreH2cFilter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event.type() == IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((IncomingHttpUpgradeEvent) event).getHttpHeader();
                if (header.isRequest() && header.getUpgrade().toLowerCase(java.util.Locale.ROOT).contains("h2c")) {
                    header.getUpgradeDC().recycle();
                    header.getHeaders().removeHeader(Header.Upgrade);
                    header.getHeaders().removeHeader("HTTP2-Settings");
                    header.setIgnoreContentModifiers(false);
                    return ctx.getStopAction();
                }
            }
            return ctx.getInvokeAction();
        }
    }
}
