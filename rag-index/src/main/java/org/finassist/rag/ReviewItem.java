package org.finassist.rag;

import java.time.LocalDate;

/**
 * A knowledge-base entry an owner should look at again: an FAQ entry or a document whose dates say it expired, will
 * expire soon, or was never dated.
 *
 * @param docId          document id
 * @param title          document title
 * @param question       the FAQ entry's question; {@code null} for a whole document
 * @param source         the entry's source, if it names one
 * @param effectiveFrom  first day in force, or {@code null}
 * @param effectiveUntil last day in force, or {@code null}
 * @param reason         why it is due
 */
public record ReviewItem(String docId, String title, String question, String source, LocalDate effectiveFrom,
                         LocalDate effectiveUntil, Reason reason) {

    /** Why an entry is due for review, most urgent first. */
    public enum Reason {
        /** Past its last day: no longer retrieved. */
        EXPIRED,
        /** Its last day is within the review horizon. */
        EXPIRING,
        /** No effective-from date: nobody said when it was last right. */
        UNDATED
    }

    /** The review state of one dated entry on {@code today}, or {@code null} when it is not due. */
    static Reason reasonFor(LocalDate from, LocalDate until, LocalDate today, int horizonDays) {
        if (until != null && until.isBefore(today)) return Reason.EXPIRED;
        if (until != null && !until.isAfter(today.plusDays(horizonDays))) return Reason.EXPIRING;
        return from == null ? Reason.UNDATED : null;
    }
}
