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
}
