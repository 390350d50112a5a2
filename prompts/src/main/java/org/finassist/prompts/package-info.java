/**
 * FreeMarker templates for prompts and for the local grounded model's answers, rendered through a strict configuration.
 */
package org.finassist.prompts;
