package org.finassist.server.router;

import org.finassist.core.assistant.GroundingSource;
import org.finassist.core.router.Scenario;

/** Declare a bean of this type to give a scenario its grounding (knowledge base for qa, facts for diagnosis …). */
public record ScenarioGrounding(Scenario scenario, GroundingSource source) {
}
