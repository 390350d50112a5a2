/** The embedded store: an on-disk Lucene index with BM25 over pre-segmented tokens and HNSW vectors. */
package org.finassist.rag.store.lucene;
