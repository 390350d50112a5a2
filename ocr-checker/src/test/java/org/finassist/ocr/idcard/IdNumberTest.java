package org.finassist.ocr.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTest {

    @Test
    void checkDigitFollowsGb11643() {
        // the worked examples printed in GB 11643-1999 itself
        assertThat(IdNumber.checkCharFor("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharFor("44052418800101001")).isEqualTo('4');
        assertThat(IdNumber.parse("11010519491231002x").orElseThrow().checksumValid()).isTrue();
        assertThat(IdNumber.parse("110105194912310021").orElseThrow().checksumValid()).isFalse();
    }

    @Test
    void everySingleDigitTypoIsCaught() {
        String valid = "440524188001010014";
        for (int i = 0; i < 17; i++) {
            char wrong = valid.charAt(i) == '9' ? '0' : (char) (valid.charAt(i) + 1);
            String typo = valid.substring(0, i) + wrong + valid.substring(i + 1);
            assertThat(new IdNumber(typo).checksumValid()).as("typo at %d", i).isFalse();
        }
    }

    @Test
    void birthDateAndGenderComeFromTheDigits() {
        IdNumber id = new IdNumber("11010519491231002X");
        assertThat(id.birthDate()).contains(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(new IdNumber("440524188001010014").gender()).isEqualTo(Gender.MALE);
        assertThat(new IdNumber("110105194902300021").birthDate()).isEmpty();
        assertThat(id.regionCode()).isEqualTo("110105");
    }

    @Test
    void shapeIsEnforcedAndToStringMasks() {
        assertThat(IdNumber.parse("1101051949123100")).isEmpty();
        assertThat(IdNumber.parse("1101 0519 4912 3100 2X")).isPresent();
        assertThatThrownBy(() -> new IdNumber("11010519491231002Y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new IdNumber("11010519491231002X").toString()).isEqualTo("110*************2X").doesNotContain("1949");
    }

    @Test
    void regionPlausibility() {
        assertThat(RegionCodes.plausible("110105")).isTrue();
        assertThat(RegionCodes.plausible("990105")).isFalse();
        assertThat(RegionCodes.plausible("110005")).isFalse();
        assertThat(RegionCodes.plausible("11a105")).isFalse();
    }
}
