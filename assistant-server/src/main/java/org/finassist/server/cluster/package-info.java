/**
 * Several nodes as one system: a notification bus between the nodes of one deployment (PostgreSQL
 * {@code LISTEN/NOTIFY} on one dedicated connection per node; nothing on H2, where there is one node), the nodes'
 * liveness as seen in the shared database, and the node id every other feature uses.
 *
 * <p>What travels on the bus are small typed {@link org.finassist.server.cluster.ClusterEvent}s that say "reload
 * this": never the data itself, which is read from the database. A lost notification therefore costs at most the
 * receiver's own fallback refresh interval; after the listening connection is re-established every subscriber is
 * told to resynchronise ({@link org.finassist.server.cluster.ClusterEvent.Resync}).
 */
package org.finassist.server.cluster;
