package org.finassist.ocr.idcard;

import java.util.Set;

/**
 * Plausibility of the 6-digit administrative division code (GB/T 2260). Only the province level is checked
 * strictly; the prefecture and county digits are checked for shape, because division codes change every year and
 * cards issued under retired codes stay valid.
 */
final class RegionCodes {

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private RegionCodes() {
    }

    static boolean plausible(String code) {
        if (code == null || !code.matches("\\d{6}") || !PROVINCES.contains(code.substring(0, 2))) {
            return false;
        }
        // a prefecture of 00 is only used with a county of 00 (the province itself is not an issuing region)
        return !code.substring(2, 4).equals("00");
    }
}
