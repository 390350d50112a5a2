package org.finassist.core.provider;

import java.util.Map;

/** Where a provider client delivers streamed deltas, on the calling thread. */
public interface StreamSink {

    void reasoning(String delta);

    void content(String delta);

    void toolCall(Map<String, Object> delta);
}
