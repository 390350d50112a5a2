package org.finassist.server.security;

import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of every response: scripts only from this origin plus the inline scripts of our own
 * pages, allowed by their SHA-256 (computed at start, so editing a page needs no policy change); no framing.
 */
final class ContentSecurityPolicy {

    static final List<String> PAGES_WITH_INLINE_SCRIPTS = List.of("static/index.html",
            "org/finassist/server/witness/console.html");
    private static final Pattern INLINE = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    private ContentSecurityPolicy() {
    }

    static String policy() {
        StringBuilder scripts = new StringBuilder("'self'");
        for (String hash : inlineScriptHashes()) {
            scripts.append(" 'sha256-").append(hash).append('\'');
        }
        return "default-src 'self'; script-src " + scripts + "; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'none'";
    }

    private static List<String> inlineScriptHashes() {
        List<String> hashes = new ArrayList<>();
        for (String page : PAGES_WITH_INLINE_SCRIPTS) {
            ClassPathResource r = new ClassPathResource(page);
            if (!r.exists()) {
                continue;
            }
            try (InputStream in = r.getInputStream()) {
                Matcher m = INLINE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (m.find()) {
                    byte[] d = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                    hashes.add(Base64.getEncoder().encodeToString(d));
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("Cannot read " + page, e);
            }
        }
        return hashes;
    }
}
