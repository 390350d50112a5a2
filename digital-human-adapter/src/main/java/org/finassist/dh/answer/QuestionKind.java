package org.finassist.dh.answer;

/** What kind of question an answer replies to: decides the expected polarity and which risks are looked for. */
public enum QuestionKind {
    /** Name, ID card: no polarity; a proxy (acting for someone else) is still a risk. */
    IDENTITY,
    /** A yes is expected (本人自愿, 本人操作). */
    CONFIRM,
    /** A yes to "have you read and understood" is expected; not understanding is a risk. */
    UNDERSTAND,
    /** A no is expected (出借账户, 承诺收益). */
    DENY
}
