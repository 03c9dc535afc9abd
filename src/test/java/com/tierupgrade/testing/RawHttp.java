package com.tierupgrade.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.RestAssured;

/**
 * Sends a request exactly as written — a request target no URI class would accept ({@code /customers/%/facts},
 * {@code ;} kept as it is) — to the service under test, over one plain HTTP/1.1 connection.
 */
public final class RawHttp {

    /** The status line's code, the Content-Type (null when none) and the body as text. */
    public record Answer(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    public static Answer send(String method, String target, String body) {
        return send(RestAssured.port, method, target, body, Users.TESTER);
    }

    public static Answer send(int port, String method, String target, String body, String user) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (user != null) {
            head.append("Authorization: Basic ").append(Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            String answer = read(socket.getInputStream());
            int status = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4));
            int bodyStart = answer.indexOf("\r\n\r\n");
            String headers = bodyStart < 0 ? answer : answer.substring(0, bodyStart);
            String text = bodyStart < 0 ? "" : answer.substring(bodyStart + 4);
            return new Answer(status, header(headers, "Content-Type"),
                    "chunked".equalsIgnoreCase(header(headers, "Transfer-Encoding")) ? unchunked(text) : text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The body of a chunked answer without its chunk sizes (which count bytes, not characters). */
    private static String unchunked(String chunked) {
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < bytes.length) {
            int lineEnd = lineEnd(bytes, at);
            String size = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            int start = lineEnd + 2;
            body.write(bytes, start, Math.min(length, bytes.length - start));
            at = start + length + 2;
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** Where the line starting at {@code from} ends (its CR LF), or the end of the bytes. */
    private static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
