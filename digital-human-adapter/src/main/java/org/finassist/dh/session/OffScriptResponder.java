package org.finassist.dh.session;

import org.finassist.dh.protocol.Applicant;

/**
 * Answers a question the customer asked mid-script, briefly, so the script can resume. Implementations must
 * never throw; on failure they return a polite deferral.
 */
public interface OffScriptResponder {

    String answer(String question, Applicant applicant);
}
