package org.finassist.content.commentary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The template version of each article type: the first 8 hex digits of the SHA-256 of the templates that write
 * it. Editing a prompt or a local template gives new article ids, so a batch writes the articles again; an
 * unchanged template keeps finished articles finished.
 */
final class TemplateVersions {

    private static final String DIR = "org/finassist/prompts/commentary/";
    private static final Map<ArticleType, String> VERSIONS = compute();

    private TemplateVersions() {
    }

    static String of(ArticleType type) {
        return VERSIONS.get(type);
    }

    private static Map<ArticleType, String> compute() {
        Map<ArticleType, String> out = new EnumMap<>(ArticleType.class);
        for (ArticleType t : ArticleType.values()) {
            String local = t.perStock() ? "local-stock.ftl" : "local-market.ftl";
            out.put(t, hash(List.of("system.ftl", "facts.ftl", t.id() + ".ftl", local)));
        }
        return out;
    }

    private static String hash(List<String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f : files) {
                try (InputStream in = TemplateVersions.class.getClassLoader().getResourceAsStream(DIR + f)) {
                    if (in == null) {
                        throw new IllegalStateException("Commentary template missing from the classpath: " + DIR + f);
                    }
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
