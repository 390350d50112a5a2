package org.finassist.server.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.server.support.FakeUpstreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource limits against the running server over raw sockets: uploads beyond the node's slots wait briefly and are
 * refused with 503; a decompression-bomb PNG and a PNG claiming huge dimensions are refused with their codes; a PDF
 * whose compressed stream expands to ~60 MB of text fails its ingestion with the cap named; a trickling body and a
 * stalled one are cut with 408. After each, the server still answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "finassist.security.dev-loopback-trust=false",
        "finassist.security.bootstrap-admin.password=" + Identities.ADMIN_PASSWORD,
        "finassist.security.limits.upload-concurrency=2",
        "finassist.security.limits.upload-wait=200ms",
        "finassist.security.limits.min-body-rate=1000",
        "finassist.security.limits.body-rate-grace=1s",
        "server.tomcat.connection-timeout=3s"})
class ResourceLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "----finassist-limits";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry r) {
        FakeUpstreams.register(r);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void assertResponsive() throws Exception {
        assertThat(RawHttp.exchange("127.0.0.1", port, "GET", "/actuator/health", null).status()).isEqualTo(200);
    }

    private static byte[] multipart(String field, String fileName, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Sends a multipart POST and reads the whole answer. */
    private RawHttp.Response upload(String target, String authorization, byte[] body) throws IOException {
        try (Socket s = open()) {
            OutputStream out = s.getOutputStream();
            out.write(head(target, authorization, body.length));
            out.write(body);
            out.flush();
            return read(s.getInputStream());
        }
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(60_000);
        return s;
    }

    private static byte[] head(String target, String authorization, long length) {
        return ("POST " + target + " HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\nAuthorization: "
                + authorization + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static RawHttp.Response read(InputStream in) throws IOException {
        String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int split = all.indexOf("\r\n\r\n");
        String[] lines = all.substring(0, Math.max(0, split)).split("\r\n");
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) headers.put(lines[i].substring(0, c).trim().toLowerCase(), lines[i].substring(c + 1).trim());
        }
        return new RawHttp.Response(Integer.parseInt(lines[0].split(" ")[1]), headers, all.substring(split + 4));
    }

    @Test
    void uploadsBeyondTheNodesSlotsAreRefusedAndTheServerStaysResponsive() throws Exception {
        String customer = "Bearer " + Identities.customerToken(base());
        List<Socket> holders = new ArrayList<>();
        try {
            // two uploads that announce 2 MB and send only their first bytes hold both slots
            for (int i = 0; i < 2; i++) {
                Socket s = open();
                s.getOutputStream().write(head("/api/opening/id-photo", customer, 2_000_000));
                s.getOutputStream().write(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                holders.add(s);
            }
            RawHttp.Response refused = awaitStatus(503, customer);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(JSON.readTree(refused.body()).path("code").asText()).isEqualTo("uploads_busy");
            assertResponsive();
        } finally {
            for (Socket s : holders) s.close();
        }
        // once the holders are gone their slots come back: an upload is handled again (refused as no image)
        RawHttp.Response handled = awaitStatus(415, customer);
        assertThat(JSON.readTree(handled.body()).path("code").asText()).isEqualTo("UNSUPPORTED_FORMAT");
    }

    /** Polls (bounded) until a small upload gets {@code status}: the server notices a holder's arrival or exit. */
    private RawHttp.Response awaitStatus(int status, String customer) throws Exception {
        RawHttp.Response r = null;
        for (int i = 0; i < 50; i++) {
            r = upload("/api/opening/id-photo", customer, multipart("file", "x.txt", "text/plain",
                    "not an image".getBytes(StandardCharsets.UTF_8)));
            if (r.status() == status) return r;
            Thread.onSpinWait();
        }
        throw new AssertionError("never " + status + "; last " + r.status() + " " + r.body());
    }

    @Test
    void imageBombsAreRefusedCheaply() throws Exception {
        String customer = "Bearer " + Identities.customerToken(base());
        // 6000 x 6000 RGB of one colour: 108 MB of pixels in ~100 KB
        RawHttp.Response bomb = upload("/api/opening/id-photo", customer,
                multipart("file", "bomb.png", "image/png", png(6000, 6000, true)));
        assertThat(bomb.status()).as(bomb.body()).isIn(413, 422);
        assertThat(JSON.readTree(bomb.body()).path("code").asText()).isIn("TOO_COMPLEX", "TOO_MANY_PIXELS",
                "TOO_LARGE");
        // a header claiming 100000 x 100000 pixels, with almost no data behind it
        RawHttp.Response huge = upload("/api/opening/id-photo", customer,
                multipart("file", "huge.png", "image/png", png(100_000, 100_000, false)));
        assertThat(huge.status()).as(huge.body()).isEqualTo(413);
        assertThat(JSON.readTree(huge.body()).path("code").asText()).isEqualTo("TOO_MANY_PIXELS");
        assertThat(JSON.readTree(huge.body()).path("message").asText()).isNotBlank();
        assertResponsive();
    }

    @Test
    void aCompressedPdfStreamBombFailsItsIngestionWithTheCapNamed() throws Exception {
        String admin = Identities.basic("admin", Identities.ADMIN_PASSWORD);
        RawHttp.Response kb = RawHttp.exchange("127.0.0.1", port, "POST", "/api/kb",
                JSON.writeValueAsString(Map.of("id", "bombs", "name", "bombs")), "Authorization: " + admin);
        assertThat(kb.status()).as(kb.body()).isIn(200, 201);
        byte[] pdf = pdfBomb();
        assertThat(pdf.length).isLessThan(400_000);
        RawHttp.Response r = upload("/api/kb/bombs/documents?wait=true", admin,
                multipart("files", "bomb.pdf", "application/pdf", pdf));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(r.body()).path("results").get(0);
        assertThat(result.path("status").asText()).isEqualTo("FAILED");
        assertThat(result.path("error").asText()).contains("characters");
        assertResponsive();
    }

    @Test
    void aTricklingBodyIsCutWith408() throws Exception {
        String customer = "Bearer " + Identities.customerToken(base());
        try (Socket s = open()) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/chat HTTP/1.0\r\nHost: localhost\r\nAuthorization: " + customer
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long start = System.nanoTime();
            RawHttp.Response r = null;
            // one byte every 200 ms is 5 bytes/s, far under the configured 1000; the server must cut it
            for (int i = 0; i < 100 && r == null; i++) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                if (s.getInputStream().available() > 0) break;
                Thread.sleep(200); // the slow client's pace, the behaviour under test
            }
            r = read(s.getInputStream());
            assertThat(r.status()).as(r.body()).isEqualTo(408);
            assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("body_too_slow");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
        }
        assertResponsive();
    }

    @Test
    void aStalledBodyIsCutWith408() throws Exception {
        String customer = "Bearer " + Identities.customerToken(base());
        try (Socket s = open()) {
            s.getOutputStream().write(("POST /api/chat HTTP/1.0\r\nHost: localhost\r\nAuthorization: " + customer
                    + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"message\":")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            RawHttp.Response r = read(s.getInputStream());
            assertThat(r.status()).as(r.body()).isEqualTo(408);
        }
        assertResponsive();
    }

    /** A PNG of {@code w} x {@code h}: one colour throughout, or (not {@code complete}) a header with a stub IDAT. */
    static byte[] png(int w, int h, boolean complete) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        ihdr.writeBytes(java.nio.ByteBuffer.allocate(8).putInt(w).putInt(h).array());
        ihdr.writeBytes(new byte[]{8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 65536)) {
            byte[] row = new byte[1 + 3 * w];
            for (int y = 0; y < (complete ? h : 1); y++) z.write(row);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** One page whose Flate content stream inflates to ~60 MB of text-showing operators. */
    static byte[] pdfBomb() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(stream, new Deflater(Deflater.BEST_COMPRESSION))) {
            z.write("BT /F1 1 Tf 0 0 Td\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] line = ("(" + "A".repeat(1000) + ") Tj\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < 60_000; i++) z.write(line);
            z.write("ET\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] content = stream.toByteArray();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        pdf.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1));
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
                        + " /Contents 4 0 R >>",
                null,
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
            if (objects[i] == null) {
                pdf.writeBytes(("<< /Length " + content.length + " /Filter /FlateDecode >>\nstream\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                pdf.writeBytes(content);
                pdf.writeBytes("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
            } else {
                pdf.writeBytes(objects[i].getBytes(StandardCharsets.ISO_8859_1));
            }
            pdf.writeBytes("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        int xref = pdf.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int o : offsets) x.append(String.format("%010d 00000 n \n", o));
        x.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        pdf.writeBytes(x.toString().getBytes(StandardCharsets.ISO_8859_1));
        return pdf.toByteArray();
    }
}
