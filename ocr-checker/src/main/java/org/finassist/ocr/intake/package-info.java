/**
 * Safe image intake: format by content (JPEG, PNG, WebP), byte and pixel limits checked from the header before any
 * pixel is decoded (so decompression bombs are refused cheaply), EXIF orientation applied.
 */
package org.finassist.ocr.intake;
