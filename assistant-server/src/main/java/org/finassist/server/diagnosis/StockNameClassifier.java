package org.finassist.server.diagnosis;

import org.finassist.content.master.LiveMaster;
import org.finassist.content.master.Resolution;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.ScenarioClassifier;
import org.finassist.core.router.Scenario;

/**
 * Sends "宁德时代现在怎么样", "茅台能买吗", "gzmt怎么样" to stock diagnosis: the keyword rules know codes and
 * words like 诊股, not names. A keyword rule's answer stands (招商银行开户 stays account opening); a general or Q&A
 * guess is overridden when the text names a stock of the master (or a short name a few stocks share, which the
 * diagnosis grounding then asks back about).
 */
final class StockNameClassifier implements ScenarioClassifier {

    private final ScenarioClassifier delegate;
    private final LiveMaster master;

    StockNameClassifier(ScenarioClassifier delegate, LiveMaster master) {
        this.delegate = delegate;
        this.master = master;
    }

    @Override
    public Classification classify(String text) {
        Classification c = delegate.classify(text);
        if ("rule".equals(c.method()) || (c.scenario() != Scenario.QA && c.scenario() != Scenario.GENERAL)) {
            return c;
        }
        return switch (master.resolver().findIn(text)) {
            case Resolution.Found f -> new Classification(Scenario.STOCK_DIAGNOSIS, 0.9, "stock-name",
                    f.security().symbol().toString());
            case Resolution.Ambiguous a -> new Classification(Scenario.STOCK_DIAGNOSIS, 0.7, "stock-name", null);
            default -> c;
        };
    }
}
