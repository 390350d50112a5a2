package org.finassist.server.kb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Map;

import org.finassist.rag.DocType;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.ingest.IngestResult;
import org.finassist.rag.ingest.SourceFile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Knowledge-base administration and the retrieval test: create/list/delete knowledge bases, upload/list/delete
 * documents (uploads run as jobs with progress), and {@code POST /api/kb/{id}/search} showing which leg found what.
 */
@RestController
@RequestMapping("/api/kb")
class KbController {

    private final KnowledgeBases kbs;
    private final KnowledgeIndex index;
    private final IngestJobs jobs;
    private final long maxFileBytes;

    KbController(KnowledgeBases kbs, KnowledgeIndex index, IngestJobs jobs, KbProperties props) {
        this.kbs = kbs;
        this.index = index;
        this.jobs = jobs;
        this.maxFileBytes = props.maxFileBytes();
    }

    record CreateRequest(String id, String name, String description) {
    }

    record KbView(String id, String name, String description, String createdAt, int documents, long chunks) {
    }

    /** {@code docTypes} (markdown, html, text, pdf, faq) and {@code effectiveOn} (yyyy-MM-dd) are optional. */
    record SearchRequest(String query, List<String> docTypes, LocalDate effectiveOn) {
    }

    @GetMapping
    List<KbView> list() {
        return kbs.list().stream().map(kb -> new KbView(kb.id(), kb.name(), kb.description(),
                kb.createdAt().toString(), index.documents(kb.id()).size(), index.chunkCount(kb.id()))).toList();
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody CreateRequest req) {
        if (req.id() == null || !KnowledgeBases.ID.matcher(req.id()).matches()) {
            return error(HttpStatus.BAD_REQUEST, "id must match " + KnowledgeBases.ID.pattern());
        }
        String name = req.name() == null || req.name().isBlank() ? req.id() : req.name().strip();
        if (!kbs.create(req.id(), name, req.description())) {
            return error(HttpStatus.CONFLICT, "knowledge base " + req.id() + " already exists");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", req.id(), "name", name));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> delete(@PathVariable String id) {
        return kbs.delete(id) ? ResponseEntity.noContent().build() : notFound(id);
    }

    @GetMapping("/{id}/documents")
    ResponseEntity<?> documents(@PathVariable String id) {
        return kbs.find(id).isEmpty() ? notFound(id) : ResponseEntity.ok(index.documents(id));
    }

    /** Starts an ingestion job; with {@code wait=true} ingests before answering and returns the per-file results. */
    @PostMapping("/{id}/documents")
    ResponseEntity<?> upload(@PathVariable String id, @RequestParam("files") List<MultipartFile> files,
                             @RequestParam(defaultValue = "false") boolean wait) throws IOException {
        if (kbs.find(id).isEmpty()) return notFound(id);
        List<SourceFile> sources = new ArrayList<>();
        for (MultipartFile f : files) {
            String name = f.getOriginalFilename() == null ? "upload" : f.getOriginalFilename();
            name = name.substring(name.lastIndexOf('/') + 1);
            // the request's temporary files are gone once it returns, so the job gets the bytes; an oversized file is
            // not read at all and the ingestor reports it
            byte[] bytes = f.getSize() <= maxFileBytes ? f.getBytes() : new byte[0];
            sources.add(new SourceFile(name, f.getSize(), () -> new ByteArrayInputStream(bytes)));
        }
        if (wait) return ResponseEntity.ok(Map.of("results", IngestViews.of(index.ingest(id, sources))));
        return ResponseEntity.accepted().body(IngestViews.of(jobs.submit(id, sources)));
    }

    @GetMapping("/jobs/{jobId}")
    ResponseEntity<?> job(@PathVariable String jobId) {
        return jobs.find(jobId).<ResponseEntity<?>>map(j -> ResponseEntity.ok(IngestViews.of(j)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no ingest job " + jobId));
    }

    @DeleteMapping("/{id}/documents/{docId}")
    ResponseEntity<?> deleteDocument(@PathVariable String id, @PathVariable String docId) {
        return index.deleteDocument(id, docId) ? ResponseEntity.noContent().build()
                : error(HttpStatus.NOT_FOUND, "no document " + docId + " in " + id);
    }

    @PostMapping("/{id}/search")
    ResponseEntity<?> search(@PathVariable String id, @RequestBody SearchRequest req) {
        if (kbs.find(id).isEmpty()) return notFound(id);
        if (req.query() == null || req.query().isBlank()) return error(HttpStatus.BAD_REQUEST, "query is required");
        Set<DocType> types = new HashSet<>();
        for (String t : req.docTypes() == null ? List.<String>of() : req.docTypes()) {
            try {
                types.add(DocType.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return error(HttpStatus.BAD_REQUEST, "unknown document type " + t);
            }
        }
        SearchFilter filter = new SearchFilter(Set.of(id), types, req.effectiveOn(), null);
        return ResponseEntity.ok(SearchView.of(index.search(req.query().strip(), filter)));
    }

    private static ResponseEntity<?> notFound(String id) {
        return error(HttpStatus.NOT_FOUND, "no knowledge base " + id);
    }

    private static ResponseEntity<?> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }

}
