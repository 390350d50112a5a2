package org.finassist.core.handoff;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev split of the hand-off cases and look-alikes (the held-out split is measured by HandoffHeldOutTest). */
class HandoffDetectorTest {

    private final HandoffDetector detector = new HandoffDetector();

    /** One labelled message: expected reason code or {@code none}. */
    record Case(String expected, String split, String message) {
    }

    static List<Case> cases(String resource, String split) throws IOException {
        try (InputStream in = HandoffDetectorTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<Case> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                if (split.equals(f[1])) {
                    out.add(new Case(f[0], f[1], f[2]));
                }
            }
            return out;
        }
    }

    static String detected(HandoffDetector d, String message) {
        Optional<HandoffReason> r = d.detect(message);
        return r.map(x -> x.name().toLowerCase()).orElse("none");
    }

    @Test
    void everyDevHandOffCaseHandsOffForItsReason() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases("org/finassist/core/handoff/handoff-cases.tsv", "dev")) {
            String got = detected(detector, c.message());
            if (!got.equals(c.expected())) {
                wrong.add(c.message() + " -> " + got + " (expected " + c.expected() + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noDevLookAlikeHandsOff() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases("org/finassist/core/handoff/lookalikes.tsv", "dev")) {
            String got = detected(detector, c.message());
            if (!got.equals("none")) {
                wrong.add(c.message() + " -> " + got);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aComplaintChannelQuestionIsAnsweredButAComplaintWithItIsHandedOff() {
        assertThat(detector.detect("投诉渠道在哪")).isEmpty();
        assertThat(detector.detect("我要投诉！投诉电话多少")).contains(HandoffReason.COMPLAINT);
        assertThat(detector.detect("怎么转出资金")).isEmpty();
        assertThat(detector.detect("我的钱被人转走了，怎么转出剩下的资金")).contains(HandoffReason.FRAUD);
    }

    @Test
    void aRhetoricalGrumbleBesideAQuestionIsAnsweredButNotAloneOrWithAComplaint() {
        assertThat(detector.detect("怎么扣了5块钱手续费 不是说万2.5吗 这不坑人吗")).isEmpty();
        assertThat(detector.detect("这不是坑人吗 转账还收手续费？")).isEmpty();
        // alone, aimed at the firm, or with a complaint it still goes to a person
        assertThat(detector.detect("这不坑人吗")).contains(HandoffReason.COMPLAINT);
        assertThat(detector.detect("你们这是坑人吧？手续费怎么这么高")).contains(HandoffReason.COMPLAINT);
        assertThat(detector.detect("手续费怎么这么高 这不坑人吗 我要投诉")).contains(HandoffReason.COMPLAINT);
    }

    @Test
    void moneyTheBankTookThatNeverArrivedIsMoneyGone() {
        assertThat(detector.detect("银行那边扣了钱 证券账户里一直没有 都半天了 钱去哪了")).contains(HandoffReason.FRAUD);
        assertThat(detector.detect("卡里扣了两万 账户里还是没有")).contains(HandoffReason.FRAUD);
        // a transfer that has not arrived yet, or where sale proceeds go, is a question about the rules
        assertThat(detector.detect("转账成功了但是钱没到")).isEmpty();
        assertThat(detector.detect("卖了股票钱去哪了")).isEmpty();
    }
}
