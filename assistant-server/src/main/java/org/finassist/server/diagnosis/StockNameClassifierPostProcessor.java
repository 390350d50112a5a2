package org.finassist.server.diagnosis;

import org.finassist.content.master.LiveMaster;
import org.finassist.core.classify.ScenarioClassifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Wraps the scenario classifier bean in {@link StockNameClassifier}, leaving its own configuration untouched. */
final class StockNameClassifierPostProcessor implements BeanPostProcessor {

    private final ObjectProvider<LiveMaster> master;

    StockNameClassifierPostProcessor(ObjectProvider<LiveMaster> master) {
        this.master = master;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof ScenarioClassifier c && !(bean instanceof StockNameClassifier)
                ? new StockNameClassifier(c, master.getObject()) : bean;
    }
}
