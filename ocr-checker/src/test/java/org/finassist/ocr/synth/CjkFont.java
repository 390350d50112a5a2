package org.finassist.ocr.synth;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Optional;

/** Finds an installed font that renders Chinese (Debian: fonts-wqy-zenhei or fonts-noto-cjk). */
public final class CjkFont {

    private static final String SAMPLE = "姓名性别民族出生住址公民身份号码签发机关有效期限长期";
    private static final Optional<Font> FONT = find();

    private CjkFont() {
    }

    public static Optional<Font> get() {
        return FONT;
    }

    /** Why tests skip when no font is found. */
    public static final String MISSING = "no CJK font installed (apt-get install fonts-wqy-zenhei); "
            + "synthetic ID cards cannot be rendered";

    private static Optional<Font> find() {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        return Arrays.stream(families)
                .filter(f -> f.contains("WenQuanYi Zen Hei") || f.contains("Noto Sans CJK") || f.contains("Noto Serif CJK"))
                .sorted()
                .map(f -> new Font(f, Font.PLAIN, 12))
                .filter(f -> f.canDisplayUpTo(SAMPLE) == -1)
                .findFirst();
    }
}
