package org.finassist.core.handoff;

/** Why a conversation goes to a person; {@link #code()} is stable (SSE event, database, metrics). */
public enum HandoffReason {
    FRAUD("fraud", "您反映的情况可能涉及账户或资金安全，已为您优先转接人工客服，请稍候。在客服接入前，请不要向任何人透露密码和验证码，"
            + "不要按陌生人的要求进行任何操作；如确认被骗，请及时报警。"),
    DISTRESS("distress", "听到您现在很难受，我们很重视。正在为您转接人工客服，请稍候。如果您有伤害自己的想法，请拨打全国心理援助热线"
            + "12356，或打给身边信任的人，您并不孤单。"),
    COMPLAINT("complaint", "非常抱歉给您带来不好的体验。您的反馈已记录，正在为您转接人工客服专人处理，请稍候。"),
    EXPLICIT("explicit", "好的，正在为您转接人工客服，请稍候；客服接入后会在这里直接回复您。"),
    REPEATED_DECLINE("repeated_decline", "抱歉，这个问题我没能帮您解决，已为您转接人工客服，请稍候。");

    private final String code;
    private final String message;

    HandoffReason(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    /** What the customer is told, in Chinese. It never tells them to move money. */
    public String message() {
        return message;
    }
}
