package org.finassist.rag.ingest;

/**
 * Progress of a batch, reported after each embedding batch and after each file.
 *
 * @param fileIndex   0-based index of the current file
 * @param fileCount   files in the batch
 * @param file        current file name
 * @param chunksDone  chunks of the current file embedded so far
 * @param chunksTotal chunks of the current file
 */
public record IngestProgress(int fileIndex, int fileCount, String file, int chunksDone, int chunksTotal) {
}
