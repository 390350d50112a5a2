/**
 * Digital-human runtime protocol, witness session engine, answer checks and audit trail.
 */
package org.finassist.dh;
