package org.finassist.core.provider;

import org.finassist.core.chat.Cancellation;
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

    /**
     * A whole answer that {@code cancellation} can abort; a client that can abort its upstream call overrides
     * this and throws {@link ProviderException} of kind {@link FailureKind#CANCELLED}.
     */
    default Completion complete(CompletionRequest request, ModelSpec model, Instant deadline,
                                Cancellation cancellation) {
        return complete(request, model, deadline);
    }

    /** A streamed answer that {@code cancellation} can abort; see {@link #complete(CompletionRequest, ModelSpec,
     * Instant, Cancellation)}. */
    default Completion stream(CompletionRequest request, ModelSpec model, Instant deadline, StreamSink sink,
                              Cancellation cancellation) {
        return stream(request, model, deadline, sink);
    }
}
