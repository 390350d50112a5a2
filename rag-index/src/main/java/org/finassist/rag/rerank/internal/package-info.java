/** JSON bodies of the rerank endpoints (Cohere-style and TEI). Not API: the public seam is langchain4j's ScoringModel. */
package org.finassist.rag.rerank.internal;
