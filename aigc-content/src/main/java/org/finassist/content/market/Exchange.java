package org.finassist.content.market;

/** Stock exchanges of mainland China. */
public enum Exchange {
    /** Shanghai (suffix SH; Yahoo-style SS accepted). */
    SH,
    /** Shenzhen. */
    SZ,
    /** Beijing (BSE). */
    BJ
}
