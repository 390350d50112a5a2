package org.finassist.dh.session;

import org.finassist.dh.audit.AuditLog;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.dh.script.WitnessScript;

import java.time.Clock;
import java.util.function.Function;

/** Collaborators every session shares. */
record EngineContext(WitnessScript script, ScriptTexts texts, StepEvaluator evaluator, OffScriptResponder responder,
                     AuditLog audit, SessionStore store, Transactions transactions, EngineSettings settings, Clock clock,
                     Function<String, RuntimeChannel> channels) {
}
