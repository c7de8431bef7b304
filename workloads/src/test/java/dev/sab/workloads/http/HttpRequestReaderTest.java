package dev.sab.workloads.http;

import dev.sab.schedulers.Conn;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests arrive in arbitrary pieces; the reader reassembles them. */
class HttpRequestReaderTest {

    /** A connection that delivers {@code input} at most {@code piece} bytes per read. */
    private static final class PieceConn implements Conn {
        private final byte[] input;
        private final int piece;
        private int at;

        PieceConn(String input, int piece) {
            this.input = input.getBytes(StandardCharsets.ISO_8859_1);
            this.piece = piece;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (at == input.length) {
                return -1;
            }
            int n = Math.min(Math.min(piece, length), input.length - at);
            System.arraycopy(input, at, buffer, offset, n);
            at += n;
            return n;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InetSocketAddress localAddress() {
            return null;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void pipelinedRequestsSplitByteByByteAreReadInOrder() throws Exception {
        String two = "GET /light?n=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /heavy?a=b&n=22 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        for (int piece : new int[]{1, 3, 7, 1000}) {
            HttpRequestReader reader = new HttpRequestReader(new PieceConn(two, piece));
            assertThat(reader.next()).isEqualTo(new HttpRequest("GET", "/light", "1", true));
            assertThat(reader.next()).isEqualTo(new HttpRequest("GET", "/heavy", "22", false));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void http10ClosesUnlessAskedToKeepAlive() throws Exception {
        HttpRequestReader reader = new HttpRequestReader(new PieceConn(
                "GET / HTTP/1.0\r\n\r\nGET /x HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", 5));
        assertThat(reader.next().keepAlive()).isFalse();
        assertThat(reader.next().keepAlive()).isTrue();
    }

    @Test
    void aBodyIsSkippedWhetherBufferedOrNot() throws Exception {
        String body = "x".repeat(20_000);
        HttpRequestReader reader = new HttpRequestReader(new PieceConn(
                "POST /a HTTP/1.1\r\nContent-Length: 20000\r\n\r\n" + body + "GET /b?n=7 HTTP/1.1\r\n\r\n", 4096));
        assertThat(reader.next().path()).isEqualTo("/a");
        assertThat(reader.next()).isEqualTo(new HttpRequest("GET", "/b", "7", true));
    }

    @Test
    void aNumberThatIsNotDigitsIsIgnored() throws Exception {
        HttpRequestReader reader = new HttpRequestReader(new PieceConn("GET /light?n=1%0a2 HTTP/1.1\r\n\r\n", 100));
        assertThat(reader.next().number()).isNull();
    }

    @Test
    void badRequestsAreRefusedWithTheirStatus() {
        assertThatThrownBy(() -> new HttpRequestReader(new PieceConn("GET /x HTTP/2.0\r\n\r\n", 100)).next())
                .isInstanceOf(HttpRequestReader.BadRequest.class).hasMessageStartingWith("505");
        assertThatThrownBy(() -> new HttpRequestReader(new PieceConn("garbage\r\n\r\n", 100)).next())
                .isInstanceOf(HttpRequestReader.BadRequest.class).hasMessageStartingWith("400");
        assertThatThrownBy(() -> new HttpRequestReader(new PieceConn("GET / HTTP/1.1\r\nX: " + "a".repeat(9000) + "\r\n\r\n", 100)).next())
                .isInstanceOf(HttpRequestReader.BadRequest.class).hasMessageStartingWith("431");
        assertThatThrownBy(() -> new HttpRequestReader(new PieceConn("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 100)).next())
                .isInstanceOf(HttpRequestReader.BadRequest.class).hasMessageStartingWith("501");
    }

    @Test
    void aConnectionClosedMidRequestIsAnError() {
        assertThatThrownBy(() -> new HttpRequestReader(new PieceConn("GET /light HTTP/1.1\r\nHo", 100)).next())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void responsesCarryTheirLengthAndCloseWhenAsked() throws IOException {
        assertThat(new String(HttpResponse.ok("light 3\n").encode(false), StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nlight 3\n");
        assertThat(new String(HttpResponse.ok("").encode(true), StandardCharsets.ISO_8859_1)).contains("Connection: close\r\n");
    }
}
