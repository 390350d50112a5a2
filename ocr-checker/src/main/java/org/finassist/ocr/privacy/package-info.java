/** Masking of personal data (ID numbers, names, phone and card numbers) for logs and responses. */
package org.finassist.ocr.privacy;
