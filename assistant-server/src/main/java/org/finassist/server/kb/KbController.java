package org.finassist.server.kb;

import org.finassist.server.web.Problems;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.finassist.rag.DocType;
import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.ingest.IngestResult;
import org.finassist.rag.ingest.SourceFile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/**
 * Knowledge-base administration and the retrieval test: create/list/delete knowledge bases, upload/list/delete
 * documents (uploads run as jobs with progress), and {@code POST /api/kb/{id}/search} showing which leg found what.
 */
@RestController
@RequestMapping("/api/kb")
class KbController {

    /** Same limit as a chat message: a retrieval test asks what a customer could ask. */
    static final int MAX_QUERY_CHARS = 2000;

    private final KnowledgeBases kbs;
    private final KnowledgeIndex index;
    private final IngestJobs jobs;
    private final KbUploads uploads;

    KbController(KnowledgeBases kbs, KnowledgeIndex index, IngestJobs jobs, KbProperties props) {
        this.kbs = kbs;
        this.index = index;
        this.jobs = jobs;
        this.uploads = new KbUploads(props.maxFileBytes(), props.maxBatchBytes());
    }

    /** {@code published}: customers (the chat, kb-read API keys) may search it; false when omitted. */
    record CreateRequest(String id, String name, String description, Boolean published) {
    }

    record PublishRequest(Boolean published) {
    }

    record KbView(String id, String name, String description, String createdAt, int documents, long chunks,
                  boolean published) {
    }

    /** {@code docTypes} (markdown, html, text, pdf, faq) and {@code effectiveOn} (yyyy-MM-dd) are optional. */
    record SearchRequest(String query, List<String> docTypes, LocalDate effectiveOn) {
    }

    /** kb-admin sees every knowledge base; a kb-read API key only those published to customers. */
    @GetMapping
    List<KbView> list() {
        boolean all = KbAudience.seesUnpublished();
        return kbs.list().stream().filter(kb -> all || kb.published()).map(kb -> new KbView(kb.id(), kb.name(),
                kb.description(), kb.createdAt().toString(), index.documents(kb.id()).size(),
                index.chunkCount(kb.id()), kb.published())).toList();
    }

    @PutMapping("/{id}/published")
    ResponseEntity<?> publish(@PathVariable String id, @RequestBody PublishRequest req) {
        if (req == null || req.published() == null) return error(HttpStatus.BAD_REQUEST, "published (true/false) is required");
        return kbs.publish(id, req.published()) ? ResponseEntity.ok(Map.of("id", id, "published", req.published()))
                : notFound(id);
    }

    @PostMapping
    ResponseEntity<?> create(@RequestBody CreateRequest req) {
        if (req.id() == null || !KnowledgeBases.ID.matcher(req.id()).matches()) {
            return error(HttpStatus.BAD_REQUEST, "id must match " + KnowledgeBases.ID.pattern());
        }
        String name = req.name() == null || req.name().isBlank() ? req.id() : req.name().strip();
        if (!kbs.create(req.id(), name, req.description(), Boolean.TRUE.equals(req.published()))) {
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

    /**
     * Starts an ingestion job over the request's {@code files} parts; with {@code wait=true} ingests before
     * answering and returns the per-file results. The body is streamed (see {@link KbUploads}).
     */
    @PostMapping("/{id}/documents")
    ResponseEntity<?> upload(@PathVariable String id, HttpServletRequest request) {
        // not @RequestParam: getParameter would make the container parse (and size-check) the multipart body first
        boolean wait = KbUploads.queryFlag(request, "wait");
        if (kbs.find(id).isEmpty()) return notFound(id);
        if (!KbUploads.isMultipart(request)) {
            return error(HttpStatus.BAD_REQUEST, "expected multipart/form-data with one or more '" + KbUploads.FIELD
                    + "' parts");
        }
        List<SourceFile> sources;
        try {
            sources = uploads.read(request);
        } catch (KbUploads.BadUpload e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (sources.isEmpty()) return error(HttpStatus.BAD_REQUEST, "no '" + KbUploads.FIELD + "' part in the upload");
        if (wait) return ResponseEntity.ok(Map.of("results", IngestViews.of(index.ingest(id, sources))));
        return ResponseEntity.accepted().body(IngestViews.of(jobs.submit(id, sources)));
    }

    /**
     * Rebuilds the vectors and keyword tokens of every document from the stored chunks (after a dictionary or
     * embedding-model change), as a job polled like an upload.
     */
    /**
     * Entries due for review: expired (no longer retrieved), expiring within {@code days} (default 60), or undated.
     * "Today" is the brokerage's calendar day (Asia/Shanghai).
     */
    @GetMapping("/{id}/review")
    ResponseEntity<?> review(@PathVariable String id,
                             @org.springframework.web.bind.annotation.RequestParam(defaultValue = "60") int days) {
        if (kbs.find(id).isEmpty()) return notFound(id);
        if (days < 0 || days > 3650) return error(HttpStatus.BAD_REQUEST, "days must be between 0 and 3650");
        return ResponseEntity.ok(index.dueForReview(id,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), days));
    }

    @PostMapping("/{id}/reindex")
    ResponseEntity<?> reindex(@PathVariable String id) {
        if (kbs.find(id).isEmpty()) return notFound(id);
        return ResponseEntity.accepted().body(IngestViews.of(jobs.submitReindex(id)));
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
        var kb = kbs.find(id);
        // an unpublished knowledge base does not exist for a kb-read key
        if (kb.isEmpty() || !(kb.get().published() || KbAudience.seesUnpublished())) return notFound(id);
        if (req.query() == null || req.query().isBlank()) return error(HttpStatus.BAD_REQUEST, "query is required");
        if (req.query().length() > MAX_QUERY_CHARS) {
            return error(HttpStatus.BAD_REQUEST, "query is " + req.query().length() + " characters; at most "
                    + MAX_QUERY_CHARS + " (the chat widget's limit too)");
        }
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

    /** A body that is not JSON, or a field of the wrong type ("effectiveOn": "2025-13-01"), says which. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<?> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException je) {
            String field = je.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            String what = je.getOriginalMessage() == null ? "" : je.getOriginalMessage().lines().findFirst().orElse("");
            return error(HttpStatus.BAD_REQUEST, field.isEmpty() ? "request body is not valid JSON: " + what
                    : "field '" + field + "' has a wrong value: " + what);
        }
        return error(HttpStatus.BAD_REQUEST, "request body is not valid JSON");
    }

    private static ResponseEntity<?> error(HttpStatus status, String message) {
        return Problems.response(status, status == HttpStatus.NOT_FOUND ? "not_found" : "bad_request", message);
    }

}
