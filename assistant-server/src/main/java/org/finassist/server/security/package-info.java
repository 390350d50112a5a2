/**
 * Who may call what: Spring Security for every path (strict firewall, deny by default, the {@link
 * org.finassist.server.security.AccessRules} table), customers' JWTs (subject = customer id, anonymous ones for the
 * demo widget), scoped API keys, per-person operator accounts with roles, and {@link
 * org.finassist.server.security.Callers#subject} that binds every customer record to its owner. Loopback callers
 * are trusted only in the {@code dev} profile.
 */
package org.finassist.server.security;
