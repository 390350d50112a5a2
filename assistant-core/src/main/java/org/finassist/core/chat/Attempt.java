package org.finassist.core.chat;

/**
 * One step of a route trail: a candidate the router tried or skipped, and why.
 *
 * @param outcome    {@code ok}, {@code failed}, {@code skipped}
 * @param reason     failure kind or skip reason ({@code rate_limited}, {@code circuit_open}, …), null when ok
 * @param httpStatus upstream HTTP status when there was one, else 0
 */
public record Attempt(String provider, String model, String outcome, String reason, int httpStatus,
                      String detail, long durationMicros) {

    public boolean ok() {
        return "ok".equals(outcome);
    }
}
