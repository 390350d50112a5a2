/**
 * Checks of customers' spoken answers as ASR delivers them: yes/no/unclear with negation scope, spoken ID digits
 * (Arabic or Chinese numerals), names and read-aloud similarity. Pure functions, no I/O.
 */
package org.finassist.dh.answer;
