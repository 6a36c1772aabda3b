package io.github.atlascredentials.emulator.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents.IncomingHttpUpgradeEvent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Serves every request that asks for a protocol upgrade as plain HTTP/1.1: {@code Upgrade: h2c} (sent
 * by default by {@code java.net.http.HttpClient} on cleartext), {@code websocket} or anything else.
 * Grizzly would otherwise treat the request as upgraded, never read its body and write answers without
 * their headers. The emulator speaks no other protocol, and RFC 9110 lets a server ignore Upgrade.
 */
public final class UpgradeIgnoringAddOn implements AddOn {

    @Override
    public void setup(NetworkListener networkListener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        builder.add(codec + 1, new IgnoreUpgradeFilter());
    }

    static final class IgnoreUpgradeFilter extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event.type() == IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((IncomingHttpUpgradeEvent) event).getHttpHeader();
                if (header.isRequest()) {
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
