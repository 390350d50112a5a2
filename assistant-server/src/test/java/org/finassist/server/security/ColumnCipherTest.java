package org.finassist.server.security;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnCipherTest {

    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    @Test
    void sealsOpensAndRefusesATamperedValueOrAnotherKey() {
        ColumnCipher cipher = new ColumnCipher(key(1));
        String plain = "{\"name\":\"张三\",\"idNumber\":\"11010519491231002X\"}";
        String sealed = cipher.encrypt(plain);
        assertThat(sealed).startsWith(ColumnCipher.PREFIX).doesNotContain("11010519491231002X").doesNotContain("张三");
        assertThat(cipher.encrypt(plain)).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed)).isEqualTo(plain);
        assertThat(cipher.decrypt("{\"legacy\":\"row\"}")).isEqualTo("{\"legacy\":\"row\"}");

        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ColumnCipher(key(2)).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
