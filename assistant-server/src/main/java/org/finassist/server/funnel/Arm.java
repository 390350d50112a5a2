package org.finassist.server.funnel;

import java.util.Locale;

/** The guidance experiment's arms: guidance (hints, the guiding digital human) shown or not. */
public enum Arm {
    GUIDED, CONTROL;

    public boolean guidance() {
        return this == GUIDED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Arm of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
