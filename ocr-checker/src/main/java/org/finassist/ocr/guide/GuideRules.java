package org.finassist.ocr.guide;

import java.util.List;
import java.util.Map;

/** Cross-field rules of the standard steps. */
final class GuideRules {

    private GuideRules() {
    }

    static List<Problem> idNumberMatchesCard(Map<String, String> values, OpeningContext ctx) {
        String typed = values.getOrDefault("idNumber", "").toUpperCase();
        return ctx.idNumber().filter(card -> !card.equals(typed))
                .map(card -> List.of(new Problem("idNumber", "ID_MISMATCH", "身份证号码与上传的身份证不一致。",
                        "请按身份证上的号码填写，或重新上传身份证人像面。")))
                .orElse(List.of());
    }

    /** Investing above one's risk level needs an explicit acknowledgement; R5 above C4 is not allowed online. */
    static List<Problem> suitability(Map<String, String> values, OpeningContext ctx) {
        int product = Integer.parseInt(values.get("productRisk").substring(1));
        int customer = ctx.riskScore().map(RiskLevel::fromScore).orElse(1);
        if (product <= customer) {
            return List.of();
        }
        if (product == 5 && customer < 5) {
            return List.of(new Problem("productRisk", "NOT_SUITABLE", "您的风险承受能力为C" + customer + "，不能购买R5级产品。",
                    "请选择R" + customer + "及以下风险等级的产品，或在情况变化后重新评估。"));
        }
        return "true".equals(values.get("acceptMismatch")) ? List.of()
                : List.of(new Problem("acceptMismatch", "MISMATCH_NOT_ACKNOWLEDGED",
                        "拟投资产品风险等级R" + product + "高于您的风险承受能力C" + customer + "。",
                        "请阅读风险不匹配警示并勾选确认，或选择较低风险等级的产品。"));
    }
}
