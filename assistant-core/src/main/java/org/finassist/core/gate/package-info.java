/**
 * The answer gate: every model text a customer sees passes {@link org.finassist.core.gate.AnswerPolicy} sentence by
 * sentence before it is released. On the first failing sentence the answer is regenerated once with that sentence
 * named; if that fails too, the local grounded answer (itself checked) replaces the rest. Nothing withheld is shown;
 * each withhold is reported to a {@link org.finassist.core.gate.WithholdListener} with a hash of the text, never the
 * text itself (it may quote the customer).
 */
package org.finassist.core.gate;
