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
