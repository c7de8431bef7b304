/**
 * sab's HTTP/1.1 server, written once against {@code Ctx} so that each scheduler serves it in its
 * own idiom: an accept task, and one task per keep-alive connection reading requests one after
 * another and writing each answer in full. Requests are GETs on fixed routes; the answer's body
 * echoes the request's {@code n} query parameter so a client can tell that it got the answer to its
 * own request. Only what wrk and sab load send is read: request lines, {@code Connection} and
 * {@code Content-Length} headers (bodies are skipped); chunked bodies, absolute targets and
 * HTTP/2 are refused with the matching status.
 *
 * <p>The {@code http} workload puts two routes on it, {@code /light} and {@code /heavy}, and is
 * measured from another JVM by {@code sab load} (package {@code dev.sab.workloads.load}).
 */
package dev.sab.workloads.http;
