/**
 * The versioned runtime protocol between a digital-human runtime and the server: sealed frame types for each
 * direction, error codes and the codec seam. The JSON mapping lives in {@code internal}; docs/protocol.md shows
 * an example of every frame.
 */
package org.finassist.dh.protocol;
