package org.finassist.ocr.check;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.finassist.ocr.engine.OcrEngine;
import org.finassist.ocr.engine.TextLine;

/**
 * An engine that "reads" scripted text, so agreement logic can be tested without models. The rows are placed
 * where the card's layout prints them (card at 300, 200 px, 10 px/mm), one row per 7.5 mm from the name row.
 */
record FakeEngine(String name, List<String> rows) implements OcrEngine {

    private static final double[] ROW_MM = {8.8, 16.4, 31.4, 46.3, 23.9};

    @Override
    public List<TextLine> recognize(BufferedImage image) {
        List<TextLine> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i);
            // the name's value starts at 16 mm, 3.8 mm per character; other rows about 3.5 mm per character
            int width = row.startsWith("姓名") ? 100 + 38 * (row.length() - 2) + 4 : 35 * row.length();
            int y = (int) Math.round(200 + ROW_MM[i % ROW_MM.length] * 10 - 25);
            out.add(new TextLine(row, 0.95, 360, y, width, 50));
        }
        return out;
    }

    static FakeEngine front(String name, String personName, String id) {
        return new FakeEngine(name, List.of("姓名" + personName, "性别女民族汉", "住址北京市东城区长安街1号",
                "公民身份号码" + id));
    }
}
