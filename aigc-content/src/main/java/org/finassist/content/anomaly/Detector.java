package org.finassist.content.anomaly;

import java.util.List;

/** Finds one family of anomalies in one stock-day. Implementations are stateless and thread-safe. */
interface Detector {

    List<Anomaly> detect(StockDay day);
}
