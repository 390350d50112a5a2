/**
 * The standard witness script: ordered steps, what each checks, and their personalised texts rendered from the
 * FreeMarker templates under {@code org/finassist/prompts/witness/} in the prompts module.
 */
package org.finassist.dh.script;
