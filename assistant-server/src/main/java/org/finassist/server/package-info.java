/**
 * The Spring Boot application: wiring of the library modules, HTTP and WebSocket endpoints, persistence, UI.
 */
package org.finassist.server;
