package dev.sab.workloads.http;

import java.nio.charset.StandardCharsets;

/**
 * An answer with a short plain-text body and a {@code Content-Length}, so a keep-alive client knows
 * where it ends.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param body   the body, ASCII
 */
public record HttpResponse(int status, String reason, String body) {

    public static HttpResponse ok(String body) {
        return new HttpResponse(200, "OK", body);
    }

    public static HttpResponse error(int status, String reason, String detail) {
        return new HttpResponse(status, reason, detail + "\n");
    }

    /** The bytes on the wire; {@code close} adds {@code Connection: close}. */
    byte[] encode(boolean close) {
        byte[] bodyBytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: " + bodyBytes.length
                + "\r\n" + (close ? "Connection: close\r\n" : "") + "\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }
}
