package org.finassist.core.advice;

/** A kind of advice the assistant declines to give; {@link #code()} is stable (metrics, logs). */
public enum AdviceRequest {
    FORECAST("forecast"),
    PICK("pick");

    /** What the customer is told: a refusal in plain words, with what the assistant can do instead. */
    public static final String MESSAGE = "抱歉，我无法为您预测股价、指数或市场走势，也不能推荐具体股票或承诺收益。"
            + "如果想了解某只股票的客观数据，可以告诉我股票名称或代码（例如“贵州茅台怎么样”）；想看当天行情可以问“今天大盘怎么样”。"
            + "投资有风险，决策请您自行判断。";

    private final String code;

    AdviceRequest(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
