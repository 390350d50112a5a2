/**
 * Personal data protection: masking of ID, phone, card, account and passport numbers, e-mail, passwords, names and
 * addresses (however written: full-width, spoken, separated) before text leaves for an
 * external model or reaches a log.
 */
package org.finassist.core.privacy;
