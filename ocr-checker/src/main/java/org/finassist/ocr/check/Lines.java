package org.finassist.ocr.check;

import java.util.List;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.quality.TextCardLocator;

/** Turns lines read at an angle into the card's frame, so that rows are horizontal for the parser. */
final class Lines {

    private Lines() {
    }

    static List<TextLine> straighten(List<TextLine> lines) {
        double angle = TextCardLocator.dominantAngle(lines);
        if (Math.abs(angle) < 0.5) {
            return lines;
        }
        double a = Math.toRadians(angle);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        return lines.stream().map(l -> {
            double u = l.centerX() * cos + l.centerY() * sin;
            double v = -l.centerX() * sin + l.centerY() * cos;
            return new TextLine(l.text(), l.confidence(), (int) Math.round(u - l.width() / 2.0),
                    (int) Math.round(v - l.height() / 2.0), l.width(), l.height(), l.angleDeg() - angle,
                    l.weakest());
        }).toList();
    }
}
