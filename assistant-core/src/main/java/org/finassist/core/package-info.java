/**
 * The 1+N model router: providers, routes, failover, usage and cost, scenario classification and the local grounded model.
 */
package org.finassist.core;
