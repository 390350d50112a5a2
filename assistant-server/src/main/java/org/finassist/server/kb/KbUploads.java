package org.finassist.server.kb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.finassist.rag.ingest.SourceFile;

/**
 * Reads a knowledge-base upload as a stream of parts, so that one oversized file (a 200 MB PDF) is drained and
 * reported instead of failing the whole request: each file is kept in memory up to the per-file limit, and the
 * request as a whole up to the batch limit. Files past a limit reach the ingestor as unreadable entries, which it
 * reports per file; nothing of them is indexed.
 */
final class KbUploads {

    static final String FIELD = "files";
    private static final int BUFFER = 64 * 1024;

    private final long maxFileBytes;
    private final long maxBatchBytes;

    KbUploads(long maxFileBytes, long maxBatchBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** Thrown for a request that is not a readable multipart upload. */
    static final class BadUpload extends Exception {
        BadUpload(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A {@code name=true} flag of the query string, read without touching the body. */
    static boolean queryFlag(HttpServletRequest request, String name) {
        String q = request.getQueryString();
        if (q == null) return false;
        for (String pair : q.split("&")) {
            if (pair.equalsIgnoreCase(name + "=true")) return true;
        }
        return false;
    }

    static boolean isMultipart(HttpServletRequest request) {
        return JakartaServletFileUpload.isMultipartContent(request);
    }

    List<SourceFile> read(HttpServletRequest request) throws BadUpload {
        List<SourceFile> files = new ArrayList<>();
        long kept = 0;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (part.isFormField() || !FIELD.equals(part.getFieldName())) continue;
                long left = maxBatchBytes - kept;
                SourceFile file = read(part, left);
                boolean stored = file.size() <= Math.min(maxFileBytes, left);
                if (stored) kept += file.size();
                files.add(file);
            }
        } catch (IOException e) {
            throw new BadUpload("the multipart body could not be read: " + e.getMessage(), e);
        }
        return files;
    }

    private SourceFile read(FileItemInput part, long batchLeft) throws IOException {
        String name = baseName(part.getName());
        long limit = Math.min(maxFileBytes, batchLeft);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long size = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = part.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (size + n <= limit) kept.write(buf, 0, n);
                size += n;
            }
        }
        if (size <= limit) {
            byte[] bytes = kept.toByteArray();
            return new SourceFile(name, size, () -> new ByteArrayInputStream(bytes));
        }
        if (size > maxFileBytes) {
            // the ingestor refuses it by size without opening it
            return new SourceFile(name, size, () -> InputStream.nullInputStream());
        }
        long total = size;
        return new SourceFile(name, size, () -> {
            throw new IOException("this upload is over its " + maxBatchBytes / (1024 * 1024) + " MiB batch limit ("
                    + total + " bytes in this file); send it in another request");
        });
    }

    private static String baseName(String name) {
        if (name == null || name.isBlank()) return "upload";
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }
}
