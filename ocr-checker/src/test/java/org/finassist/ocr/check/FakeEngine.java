package org.finassist.ocr.check;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.finassist.ocr.engine.OcrEngine;
import org.finassist.ocr.engine.TextLine;

/** An engine that "reads" scripted text, so agreement logic can be tested without models. */
record FakeEngine(String name, List<String> rows) implements OcrEngine {

    @Override
    public List<TextLine> recognize(BufferedImage image) {
        List<TextLine> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            out.add(new TextLine(rows.get(i), 0.95, 20, 40 + i * 60, 400, 40));
        }
        return out;
    }

    static FakeEngine front(String name, String personName, String id) {
        return new FakeEngine(name, List.of("姓名" + personName, "性别女民族汉", "住址北京市东城区长安街1号",
                "公民身份号码" + id));
    }
}
