package io.github.atlascredentials.client;

/**
 * The HTTP transport under Jersey. All keep connections alive between calls. {@link #APACHE5} is
 * the default and ships with the client; {@link #JDK_HTTP_CLIENT} needs {@code jersey-jnh-connector}
 * on the class path.
 */
public enum Connector {
  /**
   * {@code java.net.HttpURLConnection}. Caution: unless the JVM is started with
   * {@code -Dsun.net.http.retryPost=false}, the JDK itself re-sends a POST once after an I/O error
   * on a reused connection, so a create could be applied twice.
   */
  HTTP_URL_CONNECTION,
  /** Apache HttpClient 5 with a connection pool. */
  APACHE5,
  /** The JDK's {@code java.net.http.HttpClient}, HTTP/1.1. */
  JDK_HTTP_CLIENT
}
