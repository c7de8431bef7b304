package dev.sab.workloads.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reassembles one HTTP/1.1 response from the bytes a connection delivers, in whatever pieces they
 * come: the status line, the headers, then exactly {@code Content-Length} bytes of body. Bodies
 * without a length (chunked, or delimited by close) are refused: sab's server always sends a length,
 * and wrk-compatible servers do too.
 *
 * <p>Called only on the generator's selector thread; one per connection, reused with {@link #reset}.
 */
final class HttpResponseReader {
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** What {@link #feed} found. */
    enum Progress { INCOMPLETE, COMPLETE }

    private byte[] buf = new byte[1024];
    private int len;
    private int scanFrom;
    private int headerEnd = -1;
    private int contentLength = -1;
    private int status;
    private boolean close;

    /**
     * Takes the bytes remaining in {@code data}.
     *
     * @throws ProtocolException if the bytes are not a response sab can read, or run past its end
     */
    Progress feed(ByteBuffer data) throws ProtocolException {
        int n = data.remaining();
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
        data.get(buf, len, n);
        len += n;
        if (headerEnd < 0) {
            int end = indexOfBlankLine();
            if (end < 0) {
                if (len > MAX_HEADER_BYTES) {
                    throw new ProtocolException("response headers longer than " + MAX_HEADER_BYTES + " bytes");
                }
                return Progress.INCOMPLETE;
            }
            headerEnd = end;
            parseHead();
        }
        int total = headerEnd + contentLength;
        if (len < total) {
            return Progress.INCOMPLETE;
        }
        if (len > total) {
            throw new ProtocolException((len - total) + " bytes after the end of a response to an unpipelined request");
        }
        return Progress.COMPLETE;
    }

    int status() {
        return status;
    }

    /** Whether the server said it will close the connection after this response. */
    boolean close() {
        return close;
    }

    /** Whether the complete response's body is exactly {@code expected} (ASCII). */
    boolean bodyEquals(String expected) {
        if (expected.length() != contentLength) {
            return false;
        }
        for (int i = 0; i < contentLength; i++) {
            if (buf[headerEnd + i] != (byte) expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The body, for error messages. */
    String body() {
        int n = Math.min(contentLength, 200);
        return new String(buf, headerEnd, n, StandardCharsets.ISO_8859_1) + (contentLength > n ? "..." : "");
    }

    void reset() {
        len = 0;
        scanFrom = 0;
        headerEnd = -1;
        contentLength = -1;
        status = 0;
        close = false;
    }

    private int indexOfBlankLine() {
        for (int i = Math.max(3, scanFrom); i < len; i++) {
            if (buf[i] == '\n' && buf[i - 1] == '\r' && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                return i + 1;
            }
        }
        scanFrom = Math.max(3, len);
        return -1;
    }

    private void parseHead() throws ProtocolException {
        String head = new String(buf, 0, headerEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String statusLine = lines[0];
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line: '" + statusLine + "'");
        }
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad status code in '" + statusLine + "'");
        }
        close = statusLine.startsWith("HTTP/1.0");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> {
                    try {
                        contentLength = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new ProtocolException("bad Content-Length '" + value + "'");
                    }
                }
                case "transfer-encoding" -> throw new ProtocolException("Transfer-Encoding '" + value
                        + "' is not supported: sab load reads only responses with a Content-Length");
                case "connection" -> close = value.toLowerCase(Locale.ROOT).contains("close");
                default -> {
                }
            }
        }
        if (contentLength < 0) {
            throw new ProtocolException("response without Content-Length (status " + status + ")");
        }
    }

    /** A response sab load cannot read. */
    static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }
}
