/**
 * Ingestion of Markdown, HTML, text, PDF and FAQ (CSV/JSONL) files: encoding detection (UTF-8/GBK), per-file errors,
 * content-hash skipping, atomic replacement of a document's chunks.
 */
package org.finassist.rag.ingest;
