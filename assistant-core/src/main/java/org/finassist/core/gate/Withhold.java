package org.finassist.core.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One sentence kept from a customer.
 *
 * @param route    the route the answer was asked of ({@code qa}, {@code general} …)
 * @param provider who wrote the sentence ({@code local} for the grounded fallback)
 * @param stage    {@code first}, {@code regenerated} or {@code fallback}
 * @param rule     the violation code, e.g. {@code TRADING_ADVICE}, {@code UNGROUNDED_NUMBER}
 * @param textHash SHA-256 of the sentence, hex: lets an operator match a complaint to a withhold without storing it
 */
public record Withhold(String route, String provider, String model, String stage, String rule, String textHash) {

    /** SHA-256 of {@code text} in hex. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
