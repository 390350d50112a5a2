/**
 * Small HTTP helpers shared by the server's endpoints.
 */
package org.finassist.server.web;
