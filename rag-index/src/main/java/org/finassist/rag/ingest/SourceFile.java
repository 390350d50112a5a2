package org.finassist.rag.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file offered for ingestion. The size is known before the content is read, so oversized uploads are refused
 * without reading them.
 *
 * @param name    file name (its extension selects the parser; it is also the document id)
 * @param size    size in bytes
 * @param content opens the content
 */
public record SourceFile(String name, long size, Content content) {

    /** Opens a file's bytes. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public static SourceFile of(String name, byte[] bytes) {
        return new SourceFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    public static SourceFile of(Path path) throws IOException {
        return new SourceFile(path.getFileName().toString(), Files.size(path), () -> Files.newInputStream(path));
    }
}
