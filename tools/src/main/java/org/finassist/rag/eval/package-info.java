/** The {@code eval} command: Recall@1/5/10 and MRR@10 of keyword, vector and hybrid retrieval, plus throughput. */
package org.finassist.rag.eval;
