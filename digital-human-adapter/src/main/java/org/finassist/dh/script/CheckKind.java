package org.finassist.dh.script;

/** How a step's answer is judged. */
public enum CheckKind {
    /** A yes is required; a no escalates. */
    EXPECT_YES,
    /** A no is required; a yes escalates. */
    EXPECT_NO,
    /** The applicant's name must be spoken. */
    NAME,
    /** The last digits of the ID number must be spoken. */
    ID_SUFFIX,
    /** The confirmation sentence on screen must be read aloud. */
    READ_ALOUD
}
