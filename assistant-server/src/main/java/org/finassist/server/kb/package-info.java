/**
 * Knowledge bases over HTTP: {@code /api/kb} (create, list, delete), {@code /api/kb/{id}/documents} (upload as jobs
 * with progress at {@code /api/kb/jobs/{jobId}}, list, delete), {@code POST /api/kb/{id}/search} (retrieval test with
 * the legs that found each passage). Wiring of rag-index from {@code finassist.rag.*}; the demo knowledge base is
 * loaded on first start.
 */
package org.finassist.server.kb;
