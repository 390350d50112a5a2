/**
 * The domain records a routed chat speaks: messages in, a {@link org.finassist.core.chat.Completion} out, with
 * its usage, cost and route trail; {@link org.finassist.core.chat.CompletionListener} for streams. Wire formats
 * (OpenAI JSON) never appear here.
 */
package org.finassist.core.chat;
