/**
 * Retention of personal data: a db-scheduler job deletes chat history, feedback, opening sessions and ended witness
 * records once their configured period ({@code finassist.retention.*}) has passed.
 */
package org.finassist.server.retention;
