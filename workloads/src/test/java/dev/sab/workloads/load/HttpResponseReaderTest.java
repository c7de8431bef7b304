package dev.sab.workloads.load;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpResponseReaderTest {

    private static HttpResponseReader.Progress feed(HttpResponseReader r, String s) throws Exception {
        return r.feed(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void aResponseInPiecesCompletesAtTheEndOfItsBody() throws Exception {
        String all = "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nlight 3\n";
        HttpResponseReader r = new HttpResponseReader();
        for (int i = 0; i < all.length() - 1; i++) {
            assertThat(feed(r, all.substring(i, i + 1))).isEqualTo(HttpResponseReader.Progress.INCOMPLETE);
        }
        assertThat(feed(r, all.substring(all.length() - 1))).isEqualTo(HttpResponseReader.Progress.COMPLETE);
        assertThat(r.status()).isEqualTo(200);
        byte[] light = "light".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(r.bodyIs(light, 3)).isTrue();
        assertThat(r.bodyIs(light, 4)).isFalse();
        assertThat(r.bodyIs(light, 33)).isFalse();
        assertThat(r.bodyIs("heavy".getBytes(StandardCharsets.ISO_8859_1), 3)).isFalse();
        r.reset();
        feed(r, "HTTP/1.1 200 OK\r\nContent-Length: 22\r\n\r\nlight 999999999999999\n");
        assertThat(r.bodyIs(light, 999_999_999_999_999L)).isTrue();
        assertThat(r.bodyIs(light, 999_999_999_999_998L)).isFalse();
        assertThat(r.close()).isFalse();
        r.reset();
        assertThat(feed(r, "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nConnection: close\r\n\r\n"))
                .isEqualTo(HttpResponseReader.Progress.COMPLETE);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.close()).isTrue();
    }

    @Test
    void responsesSabCannotDelimitAreRefused() {
        assertThatThrownBy(() -> feed(new HttpResponseReader(), "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"))
                .hasMessageContaining("Transfer-Encoding");
        assertThatThrownBy(() -> feed(new HttpResponseReader(), "HTTP/1.1 200 OK\r\n\r\n"))
                .hasMessageContaining("without Content-Length");
        assertThatThrownBy(() -> feed(new HttpResponseReader(), "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab"))
                .hasMessageContaining("1 bytes after the end");
        assertThatThrownBy(() -> feed(new HttpResponseReader(), "SMTP ready\r\n\r\n"))
                .hasMessageContaining("not an HTTP/1.x status line");
    }
}
