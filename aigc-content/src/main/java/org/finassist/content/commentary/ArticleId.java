package org.finassist.content.commentary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The idempotent identity of an article: the same type, subject, data date and template version is the same
 * article, whichever run asks for it.
 *
 * @param subject a stock symbol such as {@code 600000.SH}, or {@link #MARKET} for market-level articles
 */
public record ArticleId(ArticleType type, String subject, LocalDate date, String templateVersion) {

    public static final String MARKET = "MARKET";

    public ArticleId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(templateVersion, "templateVersion");
        if (subject.contains("/") || templateVersion.contains("/")) {
            throw new IllegalArgumentException("'/' separates the parts of an article id");
        }
    }

    /** {@code recap/600000.SH/2024-09-19/1a2b3c4d}: safe in URLs and file names. */
    public String value() {
        return type.id() + "/" + subject + "/" + date + "/" + templateVersion;
    }

    public static ArticleId parse(String value) {
        String[] p = value.split("/");
        if (p.length != 4) {
            throw new IllegalArgumentException("Not an article id: " + value);
        }
        return new ArticleId(ArticleType.of(p[0]), p[1], LocalDate.parse(p[2]), p[3]);
    }

    /** A file name without slashes, e.g. {@code recap_600000.SH_2024-09-19_1a2b3c4d}. */
    public String fileName() {
        return value().replace('/', '_');
    }

    @Override
    public String toString() {
        return value();
    }
}
