/** Heading-, paragraph- and sentence-aware chunking sized for bge-small-zh's 512-token window. */
package org.finassist.rag.chunk;
