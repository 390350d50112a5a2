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

    /** Rebuilds vectors and tokens of every stored chunk of {@code kbId}; see {@link Reindexer}. */
    public List<IngestResult> reindex(String kbId, Consumer<IngestProgress> progress) {
        try {
            return new Reindexer(store, embedder, chunks).reindex(kbId, progress);
        } finally {
            store.commit();
        }
    }

    public List<IngestResult> ingest(String kbId, List<SourceFile> files, Consumer<IngestProgress> progress) {
        IngestResult[] results = new IngestResult[files.size()];
        List<Prepared> group = new ArrayList<>();
        int groupChunks = 0;
        for (int i = 0; i < files.size(); i++) {
            SourceFile file = files.get(i);
            try {
                Object step = prepare(kbId, file, i);
                if (step instanceof Prepared p) {
                    group.add(p);
                    groupChunks += p.drafts().size();
                } else {
                    results[i] = (IngestResult) step;
                }
            } catch (IngestException e) {
                results[i] = new IngestResult.Failed(file.name(), e.getMessage());
            } catch (RuntimeException e) {
                results[i] = new IngestResult.Failed(file.name(), "internal error: " + e);
            }
            // small files are embedded together: the model works on a batch in parallel, one chunk at a time not
            if (groupChunks >= embedder.batchSize() || i == files.size() - 1) {
                flush(group, results, files.size(), progress);
                group.clear();
                groupChunks = 0;
            }
        }
        store.commit();
        return List.of(results);
    }

    /** A parsed, chunked file waiting for its embeddings. */
    private record Prepared(int index, SourceFile file, String kbId, String docId, String hash, ParsedDocument parsed, DocType type,
                            List<ChunkBuilder.Draft> drafts) {
    }

    /** Returns an {@link IngestResult} when the file needs no embedding (unchanged), else a {@link Prepared}. */
    private Object prepare(String kbId, SourceFile file, int index) throws IngestException {
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
        if (drafts.isEmpty()) throw new IngestException("no text found in the file");
        return new Prepared(index, file, kbId, docId, hash, parsed, type, drafts);
    }

    /** Embeds a group's chunks in one call, then replaces each document in the store, each in one atomic step. */
    private void flush(List<Prepared> group, IngestResult[] results, int count, Consumer<IngestProgress> progress) {
        if (group.isEmpty()) return;
        List<String> texts = group.stream().flatMap(p -> p.drafts().stream()).map(ChunkBuilder.Draft::embeddingText)
                .toList();
        Prepared last = group.getLast();
        List<float[]> vectors;
        try {
            vectors = embedder.passages(texts,
                    done -> progress.accept(new IngestProgress(last.index(), count, last.file().name(), done, texts.size())));
        } catch (RuntimeException e) {
            group.forEach(p -> results[p.index()] = new IngestResult.Failed(p.file().name(), "embedding failed: " + e));
            return;
        }
        int offset = 0;
        for (Prepared p : group) {
            List<IndexedChunk> indexed = new ArrayList<>(p.drafts().size());
            for (ChunkBuilder.Draft d : p.drafts()) indexed.add(new IndexedChunk(d.chunk(), vectors.get(offset++), d.tokens()));
            try {
                store.replaceDocument(new DocumentInfo(p.kbId(), p.docId(),
                        p.parsed().title(), p.type(), p.hash(), indexed.size()), indexed);
                List<String> warnings = p.parsed() instanceof ParsedDocument.Faqs f ? f.rowErrors() : List.of();
                results[p.index()] = new IngestResult.Indexed(p.file().name(), p.docId(), indexed.size(), warnings);
            } catch (RuntimeException e) {
                results[p.index()] = new IngestResult.Failed(p.file().name(), "internal error: " + e);
            }
        }
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
