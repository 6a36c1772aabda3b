package io.github.atlascredentials.client;

/**
 * The HTTP transport under Jersey. All keep connections alive between calls. {@link #APACHE5} is
 * the default and ships with the client; {@link #JDK_HTTP_CLIENT} needs {@code jersey-jnh-connector}
 * on the class path. Only {@link RetryPolicy} decides resends: the default connector's own retries are off.
 */
public enum Connector {
  /**
   * {@code java.net.HttpURLConnection}. Caution: unless the JVM is started with
   * {@code -Dsun.net.http.retryPost=false}, the JDK itself re-sends a POST once after an I/O error
   * on a reused connection, so a create could be applied twice; it re-sends other methods the same way
   * with no switch to stop it, and its own logger prints request headers (credentials) at FINE.
   * Not for rotations.
   */
  HTTP_URL_CONNECTION,
  /**
   * Apache HttpClient 5 with a connection pool, its automatic retries off, and connections that never
   * write to HttpClient's header and wire logs (which would print credentials).
   */
  APACHE5,
  /**
   * The JDK's {@code java.net.http.HttpClient}, HTTP/1.1. It may resend a GET once when a pooled
   * connection was closed before any answer; never a POST or DELETE.
   */
  JDK_HTTP_CLIENT
}
