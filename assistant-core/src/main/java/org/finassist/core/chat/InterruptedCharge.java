package org.finassist.core.chat;

import java.math.BigDecimal;

/**
 * What one interrupted call cost (the caller left, the provider cut the stream, the node shut down): the provider
 * bills the tokens it generated although no answer completed.
 *
 * @param usage     the provider's last cumulative usage, or our estimate when it sent none
 * @param estimated whether {@code usage} is our estimate rather than the provider's count
 */
public record InterruptedCharge(String provider, String model, Usage usage, BigDecimal costCny, boolean estimated) {
}
