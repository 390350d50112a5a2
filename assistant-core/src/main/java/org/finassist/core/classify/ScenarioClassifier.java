package org.finassist.core.classify;

/** Picks the scenario of a customer's message. Local and fast: no network call. */
public interface ScenarioClassifier {

    Classification classify(String text);
}
