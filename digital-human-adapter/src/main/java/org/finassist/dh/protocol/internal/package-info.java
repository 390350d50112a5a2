/**
 * JSON wire format of the runtime protocol; not API. Use {@link org.finassist.dh.protocol.FrameCodec#json(int)}.
 */
package org.finassist.dh.protocol.internal;
