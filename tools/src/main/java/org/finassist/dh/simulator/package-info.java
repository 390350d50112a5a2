/**
 * A simulated digital-human runtime over a real WebSocket (the JDK's client): plays N customers with scripted
 * personas so the witness flow can be demonstrated, tested and load-tested without a real digital human.
 */
package org.finassist.dh.simulator;
