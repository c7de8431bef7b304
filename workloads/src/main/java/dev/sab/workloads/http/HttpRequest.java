package dev.sab.workloads.http;

/**
 * One parsed HTTP/1.1 request line and the headers sab's server cares about.
 *
 * @param method    as sent ("GET")
 * @param path      the target before any '?'
 * @param number    the digits of the query's {@code n} parameter, which the answer echoes so the
 *                  client can match it to its request; null when absent
 * @param keepAlive whether the connection stays open after the answer (HTTP/1.1 unless
 *                  {@code Connection: close}; HTTP/1.0 only with {@code Connection: keep-alive})
 */
public record HttpRequest(String method, String path, String number, boolean keepAlive) {
}
