/**
 * Append-only, per-session hash-chained audit trail: every record holds the previous record's hash, so verifying
 * a session's chain detects an altered, inserted or missing record.
 */
package org.finassist.dh.audit;
