package org.finassist.rag.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.finassist.rag.ingest.SourceFile;

/**
 * The demo brokerage knowledge base the project writes itself: an FAQ of 60+ entries and a few longer documents
 * (trading rules, fees, margin trading, account opening, funds and risk disclosure). Loaded by the embedded default
 * on first start into the knowledge base {@link #KB_ID}.
 */
public final class DemoKnowledgeBase {

    public static final String KB_ID = "demo";
    public static final String NAME = "演示券商知识库";
    static final List<String> FILES = List.of("demo-faq.csv", "trading-rules.md", "fees.md", "margin-trading.md",
            "account-opening.md", "funds-and-risk.md");

    private DemoKnowledgeBase() {
    }

    public static List<SourceFile> files() {
        List<SourceFile> out = new ArrayList<>();
        for (String name : FILES) {
            try (InputStream in = DemoKnowledgeBase.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("missing demo resource " + name);
                out.add(SourceFile.of(name, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
