package org.finassist.core.provider;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionRequest;

import java.time.Instant;

/**
 * One provider's chat endpoint. Calls block (run them on virtual threads), honour {@code deadline}, and throw
 * {@link ProviderException} classified by {@link FailureKind}. Returned completions carry usage but no cost or
 * trail; the router adds those.
 */
public interface ProviderClient {

    /** The provider's configuration. */
    ProviderConfig config();

    /** A whole answer from {@code model}. */
    Completion complete(CompletionRequest request, ModelSpec model, Instant deadline);

    /** A streamed answer: deltas go to {@code sink} as they arrive; the final completion (with usage) returns. */
    Completion stream(CompletionRequest request, ModelSpec model, Instant deadline, StreamSink sink);
}
