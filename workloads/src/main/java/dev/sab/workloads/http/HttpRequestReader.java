package dev.sab.workloads.http;

import dev.sab.schedulers.Conn;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads HTTP/1.1 requests one after another from a keep-alive {@link Conn}, in blocking style (the
 * scheduler decides what a wait costs). Bytes past one request stay buffered for the next, so
 * pipelined requests are read correctly. A request body announced by {@code Content-Length} is read
 * and dropped; chunked bodies are refused.
 *
 * <p>Called only from the task serving the connection.
 */
final class HttpRequestReader {
    /** Larger heads are refused with 431, as most servers do at 8 KiB (nginx's large_client_header_buffers). */
    static final int MAX_HEAD_BYTES = 8 * 1024;

    private final Conn conn;
    private final byte[] buf = new byte[MAX_HEAD_BYTES];
    private int start;
    private int end;
    private int scanned;

    HttpRequestReader(Conn conn) {
        this.conn = conn;
    }

    /**
     * The next request, waiting for it as long as it takes.
     *
     * @return the request, or null when the client closed the connection between requests
     * @throws BadRequest     for bytes that are not a request this server reads (answer it, then close)
     * @throws EOFException   if the client closed the connection in the middle of a request
     */
    HttpRequest next() throws IOException, BadRequest {
        int headEnd;
        while ((headEnd = findHeadEnd()) < 0) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                scanned -= start;
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                throw new BadRequest(431, "Request Header Fields Too Large", "request head over " + MAX_HEAD_BYTES + " bytes");
            }
            int n = conn.read(buf, end, buf.length - end);
            if (n < 0) {
                if (end == start) {
                    return null;
                }
                throw new EOFException("the client closed the connection in the middle of a request");
            }
            end += n;
        }
        Head head = parse(new String(buf, start, headEnd - start, StandardCharsets.ISO_8859_1));
        start = headEnd;
        skipBody(head.contentLength());
        scanned = start;
        return head.request();
    }

    private int findHeadEnd() {
        for (int i = Math.max(start + 3, scanned); i < end; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        scanned = Math.max(start, end);
        return -1;
    }

    private record Head(HttpRequest request, long contentLength) {
    }

    private Head parse(String head) throws BadRequest {
        int lineEnd = head.indexOf("\r\n");
        String line = head.substring(0, lineEnd);
        int sp1 = line.indexOf(' ');
        int sp2 = line.lastIndexOf(' ');
        if (sp1 <= 0 || sp2 <= sp1) {
            throw new BadRequest(400, "Bad Request", "not a request line: '" + printable(line) + "'");
        }
        String method = line.substring(0, sp1);
        String target = line.substring(sp1 + 1, sp2);
        String version = line.substring(sp2 + 1);
        boolean http11 = version.equals("HTTP/1.1");
        if (!http11 && !version.equals("HTTP/1.0")) {
            throw new BadRequest(505, "HTTP Version Not Supported", "version '" + printable(version) + "'; this server speaks HTTP/1.1");
        }
        boolean keepAlive = http11;
        long contentLength = 0;
        int from = lineEnd + 2;
        while (from < head.length() - 2) {
            int to = head.indexOf("\r\n", from);
            int colon = head.indexOf(':', from);
            if (colon > from && colon < to) {
                String name = head.substring(from, colon).trim().toLowerCase(Locale.ROOT);
                String value = head.substring(colon + 1, to).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "connection" -> {
                        if (value.contains("close")) {
                            keepAlive = false;
                        } else if (value.contains("keep-alive")) {
                            keepAlive = true;
                        }
                    }
                    case "content-length" -> {
                        try {
                            contentLength = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new BadRequest(400, "Bad Request", "Content-Length '" + printable(value) + "'");
                        }
                    }
                    case "transfer-encoding" -> throw new BadRequest(501, "Not Implemented", "Transfer-Encoding " + printable(value));
                    default -> {
                    }
                }
            }
            from = to + 2;
        }
        if (contentLength < 0) {
            throw new BadRequest(400, "Bad Request", "Content-Length " + contentLength);
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String number = q < 0 ? null : numberParameter(target.substring(q + 1));
        return new Head(new HttpRequest(method, path, number, keepAlive), contentLength);
    }

    /** Drops the {@code length} bytes of body that follow the head: those already buffered, then the rest as it comes. */
    private void skipBody(long length) throws IOException {
        int buffered = (int) Math.min(end - start, length);
        start += buffered;
        long left = length - buffered;
        if (left > 0) {
            start = 0; // nothing else is buffered: the buffer is free to receive and drop the rest
            end = 0;
        }
        while (left > 0) {
            int n = conn.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("the client closed the connection in the middle of a request body");
            }
            left -= n;
        }
    }

    private static String numberParameter(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("n=")) {
                String digits = pair.substring(2);
                if (!digits.isEmpty() && digits.length() <= 19 && digits.chars().allMatch(Character::isDigit)) {
                    return digits;
                }
            }
        }
        return null;
    }

    private static String printable(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Bytes that are not a request this server reads; carries the answer to send before closing. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        final transient HttpResponse response;

        BadRequest(int status, String reason, String detail) {
            super(status + " " + reason + ": " + detail);
            this.response = HttpResponse.error(status, reason, detail);
        }
    }
}
