package org.finassist.ocr.check;

/**
 * How far the ID number can be trusted: both engines read the same checksum-valid number ({@link #HIGH}), one
 * engine read a checksum-valid number ({@link #MEDIUM}: only one engine, or the other read nothing), the engines
 * read different numbers ({@link #DISAGREED}; reported, never resolved silently), or no valid number was read.
 */
public enum Agreement {
    HIGH, MEDIUM, DISAGREED, UNREADABLE
}
