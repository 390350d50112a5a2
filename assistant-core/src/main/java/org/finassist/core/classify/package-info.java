/**
 * Scenario classification for text that arrives without one: keyword and stock-code rules first, then
 * nearest-example matching with an embedding model (bge-small-zh in production), with a confidence. When unsure,
 * the answer is {@code qa}.
 */
package org.finassist.core.classify;
