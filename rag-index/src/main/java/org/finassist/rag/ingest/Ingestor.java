package org.finassist.rag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.finassist.rag.DocType;
import org.finassist.rag.DocumentInfo;
import org.finassist.rag.IndexedChunk;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.chunk.ChineseChunker;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.segment.ChineseSegmenter;

/**
 * Ingests batches of files into one knowledge base: per file, parse → chunk → embed (batched) → segment → replace the
 * document in the store in one atomic step. A file whose content hash equals the stored one is skipped. A file that
 * fails is reported and leaves the index untouched; the rest of the batch goes on.
 */
public final class Ingestor {

    private final KnowledgeStore store;
    private final Embedder embedder;
    private final ChunkBuilder chunks;
    private final long maxFileBytes;

    public Ingestor(KnowledgeStore store, Embedder embedder, ChineseSegmenter segmenter, ChineseChunker chunker,
                    long maxFileBytes) {
        this.store = store;
        this.embedder = embedder;
        this.chunks = new ChunkBuilder(chunker, segmenter);
        this.maxFileBytes = maxFileBytes;
    }

    public List<IngestResult> ingest(String kbId, List<SourceFile> files, Consumer<IngestProgress> progress) {
        List<IngestResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            try {
                results.add(ingestOne(kbId, file, i, files.size(), progress));
            } catch (IngestException e) {
                results.add(new IngestResult.Failed(file.name(), e.getMessage()));
            } catch (RuntimeException e) {
                results.add(new IngestResult.Failed(file.name(), "internal error: " + e));
            }
        }
        return results;
    }

    private IngestResult ingestOne(String kbId, SourceFile file, int index, int count,
                                   Consumer<IngestProgress> progress) throws IngestException {
        DocType type = DocType.fromFileName(file.name())
                .orElseThrow(() -> new IngestException("unsupported file type (use .md .txt .html .pdf .csv .jsonl)"));
        if (file.size() > maxFileBytes) {
            throw new IngestException("file too large: " + file.size() + " bytes, limit " + maxFileBytes);
        }
        byte[] bytes = read(file);
        if (bytes.length == 0) throw new IngestException("file is empty");
        String docId = file.name();
        String hash = sha256(bytes);
        Optional<DocumentInfo> stored = store.document(kbId, docId);
        if (stored.isPresent() && stored.get().contentHash().equals(hash)) {
            return new IngestResult.Unchanged(file.name(), docId);
        }
        ParsedDocument parsed = parse(file.name(), type, bytes);
        List<ChunkBuilder.Draft> drafts = chunks.drafts(kbId, docId, parsed);
        List<float[]> vectors = embedder.passages(drafts.stream().map(ChunkBuilder.Draft::embeddingText).toList(),
                done -> progress.accept(new IngestProgress(index, count, file.name(), done, drafts.size())));
        List<IndexedChunk> indexed = new ArrayList<>(drafts.size());
        for (int j = 0; j < drafts.size(); j++) {
            indexed.add(new IndexedChunk(drafts.get(j).chunk(), vectors.get(j), drafts.get(j).tokens()));
        }
        store.replaceDocument(new DocumentInfo(kbId, docId, parsed.title(), type, hash, indexed.size()), indexed);
        List<String> warnings = parsed instanceof ParsedDocument.Faqs f ? f.rowErrors() : List.of();
        return new IngestResult.Indexed(file.name(), docId, indexed.size(), warnings);
    }

    private byte[] read(SourceFile file) throws IngestException {
        try (InputStream in = file.content().open()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) throw new IngestException("file too large: more than " + maxFileBytes + " bytes");
            return bytes;
        } catch (IOException e) {
            throw new IngestException("cannot read file: " + e.getMessage(), e);
        }
    }

    private static ParsedDocument parse(String name, DocType type, byte[] bytes) throws IngestException {
        return switch (type) {
            case PDF -> PdfParser.parse(name, bytes);
            case HTML -> HtmlParser.parse(name, TextDecoder.decode(bytes));
            case MARKDOWN, TEXT -> MarkdownParser.parse(name, TextDecoder.decode(bytes), type);
            case FAQ -> FaqParser.parse(name, TextDecoder.decode(bytes));
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
