package io.github.atlascredentials.client.internal;

import java.io.IOException;
import java.net.Socket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 connections that never log. HttpClient's own connections write every header
 * ({@code Authorization: Basic ...}, bearer tokens, Digest responses) to the {@code org.apache.hc.client5.http.headers}
 * logger and every byte, bodies with created secrets included, to {@code org.apache.hc.client5.http.wire} as soon as
 * DEBUG is on for them; those loggers cannot be redacted, so this factory makes connections without them. The
 * client's own request log ({@link RequestLogFilter}) says what was sent, redacted.
 */
final class QuietApacheConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {
    static final QuietApacheConnections INSTANCE = new QuietApacheConnections();

    private QuietApacheConnections() {}

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection();
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    /** HttpCore's plain client connection with what the pool needs of a managed one, and no logging. */
    private static final class QuietConnection extends DefaultBHttpClientConnection
            implements ManagedHttpClientConnection {
        private volatile Timeout activeTimeout;

        QuietConnection() {
            super(Http1Config.DEFAULT);
        }

        /** As HttpClient's own connections: the socket's timeout is the one to restore after idling in the pool. */
        @Override
        public void bind(Socket socket) throws IOException {
            super.bind(socket);
            activeTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            activeTimeout = timeout;
        }

        /** Idle in the pool: no read timeout, as HttpClient's own connections do. */
        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            if (activeTimeout != null) {
                super.setSocketTimeout(activeTimeout);
            }
        }
    }
}
