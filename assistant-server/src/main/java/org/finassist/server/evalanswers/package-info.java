/**
 * {@code eval-answers}: the answer-quality evaluation that ships with the product. A question set (CSV or JSONL:
 * question, earlier turns, expected action answer/decline/handoff, expected scenario, facts that must appear as
 * any-of groups, phrases that must not) runs through the real chat pipeline ({@code POST /api/chat}, in this process
 * on a loopback port or against a running server) and is judged: useful, harmful, decline and hand-off
 * precision/recall, scenario accuracy, latency, and every miss.
 */
package org.finassist.server.evalanswers;
