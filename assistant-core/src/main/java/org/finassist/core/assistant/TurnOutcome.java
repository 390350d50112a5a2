package org.finassist.core.assistant;

/**
 * How a turn ended, for the resolution rate: only {@link #ANSWERED} can count as resolved (and only without a
 * thumbs-down and without a later hand-off of the conversation).
 */
public enum TurnOutcome {
    ANSWERED("answered"),
    /** An honest "I cannot answer that". */
    DECLINED("declined"),
    /** The model's answer failed the checks twice and the local fallback replaced it. */
    WITHHELD("withheld"),
    HANDED_OFF("handed_off");

    private final String code;

    TurnOutcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
