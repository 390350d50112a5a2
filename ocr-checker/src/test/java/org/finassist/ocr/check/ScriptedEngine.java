package org.finassist.ocr.check;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.finassist.ocr.engine.OcrEngine;
import org.finassist.ocr.engine.TextLine;

/** An engine that answers each call with the next scripted reading (the last one repeats) and counts the calls. */
final class ScriptedEngine implements OcrEngine {

    private final List<List<TextLine>> readings;
    final AtomicInteger calls = new AtomicInteger();

    ScriptedEngine(List<List<TextLine>> readings) {
        this.readings = readings;
    }

    /** A {@link FakeEngine} front whose name row has the given confidence (mean and weakest character). */
    static List<TextLine> front(String person, String id, double nameConfidence) {
        UnaryOperator<TextLine> withConfidence = l -> l.text().startsWith("姓名")
                ? new TextLine(l.text(), nameConfidence, l.x(), l.y(), l.width(), l.height(), 0, nameConfidence) : l;
        return FakeEngine.front("scripted", person, id).recognize(null).stream().map(withConfidence).toList();
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public List<TextLine> recognize(BufferedImage image) {
        int i = calls.getAndIncrement();
        return readings.get(Math.min(i, readings.size() - 1));
    }
}
