package org.finassist.ocr.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.finassist.ocr.engine.TextLine;
import org.junit.jupiter.api.Test;

class IdCardParserTest {

    private final IdCardParser parser = new IdCardParser();

    private static TextLine at(String text, int x, int y) {
        return new TextLine(text, 0.99, x, y, 20 * text.length(), 40);
    }

    @Test
    void readsFrontWithLabelsSplitFromValuesAndWrappedAddress() {
        List<TextLine> lines = List.of(
                at("曹康文", 170, 72), at("姓 名", 60, 80),
                at("性别女", 60, 160), at("民族蒙古", 300, 160),
                at("出生1998年7月8日", 60, 248),
                at("上海市浦东新区长安街", 170, 330), at("住址", 60, 334),
                at("277号", 175, 380),
                at("31011519980708902O", 290, 498), at("公民身份号码", 64, 503),
                new TextLine("人", 0.6, 650, 290, 220, 150));
        IdCardFront f = parser.parseFront(lines);
        assertThat(parser.detectSide(lines)).isEqualTo(CardSide.FRONT);
        assertThat(f.name()).isEqualTo("曹康文");
        assertThat(f.gender()).isEqualTo(Gender.FEMALE);
        assertThat(f.ethnicity()).isEqualTo("蒙古");
        assertThat(f.birthDate()).isEqualTo(LocalDate.of(1998, 7, 8));
        assertThat(f.address()).isEqualTo("上海市浦东新区长安街277号");
        assertThat(f.idNumber()).isEqualTo("310115199807089020");
        assertThat(f.toString()).doesNotContain("曹康文", "310115199807089020");
    }

    @Test
    void readsBack() {
        List<TextLine> lines = List.of(at("中华人民共和国", 300, 110), at("居民身份证", 280, 226),
                at("签发机关", 150, 430), at("杭州市公安局西湖区分局", 330, 428),
                at("有效期限", 150, 510), at("2026.05.22-长期", 330, 510));
        assertThat(parser.detectSide(lines)).isEqualTo(CardSide.BACK);
        IdCardBack b = parser.parseBack(lines);
        assertThat(b.issuingAuthority()).isEqualTo("杭州市公安局西湖区分局");
        assertThat(b.validity().longTerm()).isTrue();
        assertThat(b.validity().start()).isEqualTo(LocalDate.of(2026, 5, 22));
    }

    @Test
    void missingFieldsStayNullAndUnknownTextIsNoSide() {
        List<TextLine> lines = List.of(at("招商银行", 10, 10), at("6222020200112233445", 10, 80));
        assertThat(parser.detectSide(lines)).isEqualTo(CardSide.UNKNOWN);
        IdCardFront f = parser.parseFront(lines);
        assertThat(f.name()).isNull();
        assertThat(f.idNumber()).isNull();
    }

    @Test
    void labelsReadWithOneCharacterWrongStillAnchorTheirFields() {
        List<TextLine> lines = List.of(at("姓名曹康文", 60, 80), at("性别女", 60, 160),
                at("佳址上海市浦东新区长安街", 60, 334), at("277号", 175, 380),
                at("公民身份号吗31011519980708902O", 64, 503));
        IdCardFront f = parser.parseFront(lines);
        assertThat(parser.detectSide(lines)).isEqualTo(CardSide.FRONT);
        assertThat(f.address()).isEqualTo("上海市浦东新区长安街277号");
        assertThat(f.idNumber()).isEqualTo("310115199807089020");
        assertThat(parser.parseFront(List.of(at("往址北京市东城区和平里3号", 60, 334))).address())
                .isEqualTo("北京市东城区和平里3号");
    }

    @Test
    void aLabelLookalikeInsideAnAddressIsLeftAlone() {
        IdCardFront f = parser.parseFront(List.of(at("住址北京市佳址路3号", 60, 334)));
        assertThat(f.address()).isEqualTo("北京市佳址路3号");
    }

    @Test
    void birthDateIsAnchoredToItsLabelAndRangeChecked() {
        assertThat(parser.parseFront(List.of(at("出生19955年7月17日", 60, 248))).birthDate()).isNull();
        assertThat(parser.parseFront(List.of(at("出生1995年13月17日", 60, 248))).birthDate()).isNull();
        assertThat(parser.parseFront(List.of(at("出生1995年7月17日", 60, 248))).birthDate())
                .isEqualTo(LocalDate.of(1995, 7, 17));
        assertThat(parser.parseFront(List.of(at("出生", 60, 248), at("1995", 160, 248), at("年", 260, 248),
                at("7", 300, 248), at("月", 330, 248), at("17", 370, 248), at("日", 420, 248))).birthDate())
                .isEqualTo(LocalDate.of(1995, 7, 17));
    }

    @Test
    void authorityOnTwoRowsAndValiditySplitOverRowsAreJoined() {
        List<TextLine> lines = List.of(at("中华人民共和国", 300, 110), at("居民身份证", 280, 226),
                at("签发机失", 150, 420), at("新疆维吾尔自治区巴音郭楞", 330, 418),
                at("蒙古自治州公安局", 330, 460),
                at("有效期限", 150, 520), at("2016.05.22-", 330, 520), at("2036.05.22", 330, 562));
        IdCardBack b = parser.parseBack(lines);
        assertThat(b.issuingAuthority()).isEqualTo("新疆维吾尔自治区巴音郭楞蒙古自治州公安局");
        assertThat(b.validity().printed()).isEqualTo("2016.05.22-2036.05.22");
    }

    @Test
    void bothSidesOnOnePageAreRecognised() {
        List<TextLine> lines = List.of(at("姓名曹康文", 60, 80), at("性别女", 60, 160),
                at("公民身份号码310115199807089020", 64, 503),
                at("签发机关上海市公安局", 60, 900), at("有效期限2016.05.22-2036.05.22", 60, 980));
        assertThat(parser.bothSides(lines)).isTrue();
        assertThat(parser.bothSides(lines.subList(0, 3))).isFalse();
    }
}
