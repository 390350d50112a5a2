/**
 * Personal data protection: masking of ID numbers, mobile numbers and bank card numbers before text leaves for an
 * external model or reaches a log.
 */
package org.finassist.core.privacy;
