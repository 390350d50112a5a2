/**
 * The {@code local} grounded model: deterministic and offline. It answers only from what the scenario hands it
 * (an FAQ answer, retrieved passages, computed facts) through FreeMarker templates in {@code prompts}, and says
 * plainly when it has nothing. It is the implicit last candidate of every route.
 */
package org.finassist.core.local;
