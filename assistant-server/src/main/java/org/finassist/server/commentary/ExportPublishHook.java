package org.finassist.server.commentary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each approved article to {@code <dir>/<date>/<type>_<subject>_<date>_<version>.md} and {@code .json}; the
 * Markdown is written last, through a temporary file and a rename, so a reader that watches for {@code .md} never
 * sees half an article.
 */
final class ExportPublishHook implements PublishHook {

    private final Path dir;

    ExportPublishHook(Path dir) {
        this.dir = dir;
    }

    @Override
    public void publish(Approved a) {
        try {
            Path day = Files.createDirectories(dir.resolve(a.date().toString()));
            String base = a.id().replace('/', '_');
            Files.writeString(day.resolve(base + ".json"), a.json(), StandardCharsets.UTF_8);
            Path tmp = Files.writeString(day.resolve(base + ".md.tmp"), a.markdown(), StandardCharsets.UTF_8);
            Files.move(tmp, day.resolve(base + ".md"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PublishException("Cannot export " + a.id() + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "export " + dir;
    }
}
