package dev.sab.workloads.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    /**
     * Whether the complete response's body is exactly {@code prefix}, a space, the decimal digits of
     * {@code number} and a newline: sab's answer to request {@code number}. Compares bytes in
     * place, without building the expected text.
     */
    boolean bodyIs(byte[] prefix, long number) {
        int digits = 1;
        for (long n = number; n >= 10; n /= 10) {
            digits++;
        }
        if (contentLength != prefix.length + 1 + digits + 1) {
            return false;
        }
        int at = headerEnd;
        for (byte b : prefix) {
            if (buf[at++] != b) {
                return false;
            }
        }
        if (buf[at++] != ' ' || buf[headerEnd + contentLength - 1] != '\n') {
            return false;
        }
        long n = number;
        for (int i = at + digits - 1; i >= at; i--) {
            if (buf[i] != (byte) ('0' + n % 10)) {
                return false;
            }
            n /= 10;
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

    /**
     * Reads the status code and the two headers that matter (Content-Length, Connection) straight
     * from the bytes: this runs once per response on the generator's only thread, so it allocates
     * nothing on the way.
     */
    private void parseHead() throws ProtocolException {
        if (headerEnd < 16 || !startsWith(0, "HTTP/1.") || buf[8] != ' ' || !digit(9) || !digit(10) || !digit(11)) {
            throw new ProtocolException("not an HTTP/1.x status line: '" + line(0) + "'");
        }
        status = (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
        close = buf[7] == '0';
        int at = indexOfLineEnd(0) + 2;
        while (at < headerEnd - 2) {
            int end = indexOfLineEnd(at);
            if (startsWithIgnoreCase(at, "content-length:")) {
                contentLength = parseLength(at + "content-length:".length(), end);
            } else if (startsWithIgnoreCase(at, "connection:")) {
                close = containsIgnoreCase(at + "connection:".length(), end, "close");
            } else if (startsWithIgnoreCase(at, "transfer-encoding:")) {
                throw new ProtocolException("Transfer-Encoding '" + line(at).substring("transfer-encoding:".length()).trim()
                        + "' is not supported: sab load reads only responses with a Content-Length");
            }
            at = end + 2;
        }
        if (contentLength < 0) {
            throw new ProtocolException("response without Content-Length (status " + status + ")");
        }
    }

    private boolean digit(int i) {
        return buf[i] >= '0' && buf[i] <= '9';
    }

    private boolean startsWith(int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (buf[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithIgnoreCase(int at, String lower) {
        if (at + lower.length() > headerEnd) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (Character.toLowerCase((char) buf[at + i]) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean containsIgnoreCase(int from, int to, String lower) {
        for (int i = from; i + lower.length() <= to; i++) {
            if (startsWithIgnoreCase(i, lower)) {
                return true;
            }
        }
        return false;
    }

    private int parseLength(int from, int to) throws ProtocolException {
        long n = 0;
        boolean any = false;
        for (int i = from; i < to; i++) {
            byte b = buf[i];
            if (b == ' ' || b == '\t') {
                continue;
            }
            if (b < '0' || b > '9' || n > Integer.MAX_VALUE / 10) {
                throw new ProtocolException("bad Content-Length '" + new String(buf, from, to - from, StandardCharsets.ISO_8859_1).trim() + "'");
            }
            n = n * 10 + (b - '0');
            any = true;
        }
        if (!any || n > Integer.MAX_VALUE) {
            throw new ProtocolException("bad Content-Length '" + new String(buf, from, to - from, StandardCharsets.ISO_8859_1).trim() + "'");
        }
        return (int) n;
    }

    /** Where the line starting at {@code from} ends (its CR), within the head. */
    private int indexOfLineEnd(int from) {
        for (int i = from; i < headerEnd - 1; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n') {
                return i;
            }
        }
        return headerEnd;
    }

    private String line(int from) {
        return new String(buf, from, Math.min(indexOfLineEnd(from), from + 100) - from, StandardCharsets.ISO_8859_1);
    }

    /** A response sab load cannot read. */
    static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }
}
