/**
 * Account opening over HTTP ({@code /api/opening/*}): ID-photo checks backed by the {@code ocr-checker} library,
 * the opening guide's step state kept per session in the database ({@code opening_session}), and a hook
 * ({@link org.finassist.server.opening.OpeningQuestions}) through which free-text questions reach the router's
 * {@code account-opening} route with the current step as context.
 */
package org.finassist.server.opening;
