package org.finassist.core.router;

import java.util.Arrays;
import java.util.Optional;

/** The routes the platform knows: the general model (the "1") and the scenarios (the "N"). */
public enum Scenario {
    GENERAL("general"), QA("qa"), STOCK_DIAGNOSIS("stock-diagnosis"), COMMENTARY("commentary"),
    ACCOUNT_OPENING("account-opening"), WITNESS("witness");

    private final String id;

    Scenario(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Scenario> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equalsIgnoreCase(id)).findFirst();
    }
}
