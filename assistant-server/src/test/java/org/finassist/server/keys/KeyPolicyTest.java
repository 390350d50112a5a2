package org.finassist.server.keys;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyPolicyTest {

    @Test
    void anEmptyPolicyLimitsNothing() {
        assertThat(KeyPolicy.NONE.isUnlimited()).isTrue();
        assertThat(new KeyPolicy(List.of(), null, null, null, null, null, null, null, null).isUnlimited()).isTrue();
        assertThat(new KeyPolicy(null, null, 0, 0L, null, new BigDecimal("1"), null, null, null).isUnlimited()).isFalse();
    }

    @Test
    void allowlistsMatchExactlyOrByTrailingStar() {
        KeyPolicy p = new KeyPolicy(List.of("finassist-*", "deepseek:deepseek-chat"), List.of("qa"), 0, 0L, null,
                null, null, null, null);
        assertThat(p.allowsModel("finassist-qa")).isTrue();
        assertThat(p.allowsModel("deepseek:deepseek-chat")).isTrue();
        assertThat(p.allowsModel("deepseek:deepseek-reasoner")).isFalse();
        assertThat(p.allowsModel("finassist")).isFalse();
        assertThat(p.allowsRoute("qa")).isTrue();
        assertThat(p.allowsRoute("general")).isFalse();
    }

    @Test
    void expiryIsInclusiveAndNegativeLimitsAreRejected() {
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        KeyPolicy p = new KeyPolicy(null, null, 0, 0L, null, null, null, null, at);
        assertThat(p.expiredAt(at.minusMillis(1))).isFalse();
        assertThat(p.expiredAt(at)).isTrue();
        assertThatThrownBy(() -> new KeyPolicy(null, null, -1, 0L, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyPolicy(null, null, 0, 0L, new BigDecimal("-1"), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
