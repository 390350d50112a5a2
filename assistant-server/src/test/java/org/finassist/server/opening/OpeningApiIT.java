package org.finassist.server.opening;

import org.finassist.server.support.EmbeddedDefaultContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.finassist.server.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/opening/*} end to end on the embedded default (H2), with the real OCR models. */
class OpeningApiIT extends EmbeddedDefaultContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://127.0.0.1:" + port + "/api/opening" + path;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private String newSession() {
        HttpResponse<String> r = Http.postJson(url("/sessions"), "{}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(json(r).get("currentStep").asString()).isEqualTo("phone");
        return json(r).get("sessionId").asString();
    }

    @Test
    void stepStateSaysWhatIsWrongAndPersists() {
        String id = newSession();
        HttpResponse<String> bad = Http.postJson(url("/sessions/" + id),
                "{\"step\":\"phone\",\"fields\":{\"mobile\":\"1381234567\",\"smsCode\":\"12345\"}}");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(json(bad).get("status").asString()).isEqualTo("NEEDS_FIX");
        assertThat(json(bad).get("problems").get(0).get("message").asString()).contains("手机号码");
        HttpResponse<String> good = Http.postJson(url("/sessions/" + id),
                "{\"step\":\"phone\",\"fields\":{\"mobile\":\"13812345678\",\"smsCode\":\"123456\"}}");
        assertThat(json(good).get("status").asString()).isEqualTo("DONE");
        assertThat(json(good).get("values").get("mobile").asString()).isEqualTo("138****5678");
        JsonNode state = json(Http.get(url("/sessions/" + id)));
        assertThat(state.get("currentStep").asString()).isEqualTo("idCard");
        HttpResponse<String> live = Http.postJson(url("/sessions/" + id + "/validate"),
                "{\"step\":\"bankCard\",\"field\":\"cardNumber\",\"value\":\"6222020200112233445\"}");
        assertThat(json(live).get(0).get("code").asString()).isEqualTo("CHECKSUM");
        HttpResponse<String> ask = Http.postJson(url("/sessions/" + id + "/ask"), "{\"question\":\"要带什么证件？\"}");
        assertThat(json(ask).get("step").asString()).isEqualTo("idCard");
        assertThat(json(ask).get("answer").asString()).contains("身份证");
        assertThat(Http.get(url("/sessions/nope")).statusCode()).isEqualTo(404);
        assertThat(json(Http.get(url("/steps")))).hasSize(11);
    }

    @Test
    void anAcceptedFrontPhotoFillsTheSession() throws Exception {
        var font = SpecimenCard.cjkFont();
        assumeTrue(font.isPresent(), "no CJK font installed (fonts-wqy-zenhei); cannot render a specimen card");
        String id = newSession();
        Http.postJson(url("/sessions/" + id), "{\"step\":\"phone\",\"fields\":{\"mobile\":\"13812345678\",\"smsCode\":\"123456\"}}");
        HttpResponse<String> r = Multipart.postFile(url("/id-photo?side=front&sessionId=" + id), "card.jpg",
                "image/jpeg", SpecimenCard.frontJpeg(font.get()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("side").asString()).isEqualTo("FRONT");
        assertThat(body.get("masked").asBoolean()).isFalse();
        assertThat(body.get("fields").get("idNumber").asString()).isEqualTo(SpecimenCard.ID);
        assertThat(body.get("fields").get("name").asString()).isEqualTo(SpecimenCard.NAME);
        assertThat(body.get("quality")).anySatisfy(q -> assertThat(q.get("check").asString()).isEqualTo("blur"));
        HttpResponse<String> anonymous = Multipart.postFile(url("/id-photo?side=front"), "card.jpg", "image/jpeg",
                SpecimenCard.frontJpeg(font.get()));
        assertThat(json(anonymous).get("fields").get("idNumber").asString()).isEqualTo("110*************33");
        HttpResponse<String> personal = Http.postJson(url("/sessions/" + id), "{\"step\":\"personal\",\"fields\":"
                + "{\"name\":\"林晓冬\",\"idNumber\":\"" + SpecimenCard.ID + "\",\"address\":\"北京市东城区长安街1号\"}}");
        // the ID step still needs the back, so personal details are locked; the front was recorded though
        assertThat(json(personal).get("status").asString()).isEqualTo("LOCKED");
        assertThat(json(personal).get("problems").get(0).get("message").asString()).contains("上传身份证");
    }

    @Test
    void fourCustomersAtOnceAllGetAnAnswerWithoutBusy() throws Exception {
        var font = SpecimenCard.cjkFont();
        assumeTrue(font.isPresent(), "no CJK font installed (fonts-wqy-zenhei); cannot render a specimen card");
        byte[] photo = SpecimenCard.frontJpeg(font.get());
        Multipart.postFile(url("/id-photo?side=front"), "warm.jpg", "image/jpeg", photo);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> Multipart.postFile(url("/id-photo?side=front"), "card.jpg", "image/jpeg",
                        photo)));
            }
            for (var call : calls) {
                // two permits, two waiting: the waiting ones queue (up to the configured wait) instead of a 503
                assertThat(call.get().statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void badUploadsGetClear4xxAndLeaveTheServerHealthy() throws Exception {
        assertError(Multipart.postFile(url("/id-photo"), "id.jpg", "image/jpeg",
                "%PDF-1.7\n1 0 obj<<>>endobj".getBytes(StandardCharsets.US_ASCII)), 415, "UNSUPPORTED_FORMAT");
        assertError(Multipart.postFile(url("/id-photo"), "bomb.png", "image/png", pngBomb(20_000, 20_000)),
                413, "TOO_MANY_PIXELS");
        var img = new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpeg", jpeg);
        byte[] truncated = Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2);
        assertError(Multipart.postFile(url("/id-photo"), "cut.jpg", "image/jpeg", truncated), 422, "CORRUPT");
        assertError(Multipart.postFile(url("/id-photo"), "empty.jpg", "image/jpeg", new byte[0]), 422, "EMPTY");
        assertError(Multipart.postFile(url("/id-photo"), "big.jpg", "image/jpeg", new byte[50 * 1024 * 1024]),
                413, "TOO_LARGE");
        assertError(Multipart.postFile(url("/id-photo?side=left"), "x.jpg", "image/jpeg", jpeg.toByteArray()),
                400, "BAD_SIDE");
        HttpResponse<String> blank = Multipart.postFile(url("/id-photo"), "blank.jpg", "image/jpeg", jpeg.toByteArray());
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(json(blank).get("accepted").asBoolean()).isFalse();
        // an all-black frame: the customer hears about the light before anything else
        assertThat(json(blank).get("guidance").get(0).asString()).contains("光线太暗");
        HttpResponse<String> health = Http.get("http://127.0.0.1:" + port + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("message").asString()).containsPattern("\\p{IsHan}");
    }

    /** A PNG that declares {@code w × h} pixels but carries only a few bytes of data. */
    private static byte[] pngBomb(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(w).putInt(h).put(new byte[]{8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        java.io.DataOutputStream d = new java.io.DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
