package org.finassist.server.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, so the request target goes out byte for byte as written (curl --path-as-is): no
 * client normalises {@code /x/../admin} or re-encodes {@code %61}. Reads the status line and headers only.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** Status code of {@code method target} sent to host:port, with extra header lines ("Name: value"). */
    static int status(String host, int port, String method, String target, String... headers) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 5_000);
            s.setSoTimeout(15_000);
            StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\nAccept: application/json\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            if (!"GET".equals(method)) {
                req.append("Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            } else {
                req.append("\r\n");
            }
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = firstLine(s.getInputStream());
            String[] parts = statusLine.split(" ");
            if (parts.length < 2) {
                throw new IOException("No HTTP status line for " + target + ": '" + statusLine + "'");
            }
            return Integer.parseInt(parts[1]);
        }
    }

    /** A whole response: status, header lines (names lower-cased), body. */
    record Response(int status, java.util.Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * {@code method target} with {@code body} (JSON, may be null) sent from the loopback address {@code from}
     * (127.0.0.2, 127.0.0.3 …: each is another client address to the server) as HTTP/1.0, so the answer is not
     * chunked and ends when the server closes.
     */
    static Response exchange(String from, int port, String method, String target, String body, String... headers)
            throws IOException {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.0\r\n")
                    .append("Host: localhost\r\nAccept: application/json\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            if (body != null) {
                req.append("Content-Type: application/json\r\nContent-Length: ").append(payload.length).append("\r\n");
            }
            req.append("\r\n");
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(payload);
            s.getOutputStream().flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String[] head = (split < 0 ? all : all.substring(0, split)).split("\r\n");
            java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                if (colon > 0) {
                    names.put(head[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                            head[i].substring(colon + 1).trim());
                }
            }
            return new Response(Integer.parseInt(head[0].split(" ")[1]), names,
                    split < 0 ? "" : all.substring(split + 4));
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
