package org.finassist.ocr.check;

import java.util.List;
import java.util.Optional;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.quality.CardRegion;

/**
 * How many characters the name's box has room for at the card's print size. The recogniser sometimes drops a
 * character it finds hard (with high confidence on the rest), which would let a wrong name through; the name is
 * printed at a fixed size from a fixed column, and Chinese characters are square, so the box's length tells how many
 * characters it holds.
 */
final class NameFit {

    /** Left edge of the name's value and the size of its print, mm on the card. */
    static final double VALUE_X_MM = 16;
    static final double PRINT_MM = 3.8;

    /**
     * Room beyond the characters read that a complete reading leaves: the detector's box extends about 0.3–0.5 of
     * a character past the last one; a whole character more means one was dropped.
     */
    static final double MAX_SPARE_CHARS = 0.9;

    private NameFit() {
    }

    /**
     * Below this, a character of the name is too uncertain to use (a misread as a similar character, 彤 as 丹, keeps
     * the line's mean high but not its own probability). Build split: correct names' weakest character 0.925 and
     * above except two at 0.642 and 0.773; the one misread name at 0.896.
     */
    static final double MIN_CHAR_CONFIDENCE = 0.80;

    /**
     * From here up one reading is enough. Between {@link #MIN_CHAR_CONFIDENCE} and this, the name is trusted only
     * when a second, independent reading (the straightened card read again) gives the same name: no single threshold
     * separates 0.896 (wrong) from 0.925 (right), two readings agreeing on a confusable character is much less likely.
     */
    static final double SURE_CHAR_CONFIDENCE = 0.95;

    /** How far one reading's name can be trusted. */
    enum Trust { UNTRUSTED, NEEDS_SECOND_READING, TRUSTED }

    /**
     * TRUSTED only when the name was read from a single box that has room for just the characters read, each read
     * confidently. A name pieced together from several boxes (a watermark on the same row), a box with room for
     * more characters (a dropped 鑫), a card whose layout was not fitted from its own print, or an unsure character is
     * not trusted: the customer is asked again rather than the account opened under a wrong name.
     */
    static Trust trust(String name, List<TextLine> lines, CardRegion region) {
        Optional<TextLine> box = box(name, lines);
        if (box.isEmpty() || box.get().weakest() < MIN_CHAR_CONFIDENCE
                || !room(name, lines, region).map(room -> room - name.length() <= MAX_SPARE_CHARS).orElse(false)) {
            return Trust.UNTRUSTED;
        }
        return box.get().weakest() >= SURE_CHAR_CONFIDENCE ? Trust.TRUSTED : Trust.NEEDS_SECOND_READING;
    }

    private static Optional<TextLine> box(String name, List<TextLine> lines) {
        return lines.stream().filter(l -> l.text().replaceAll("\\s", "").contains(name)).findFirst();
    }

    /**
     * @param lines  lines in the frame the region was found in (straightened by the same dominant angle)
     * @param region the card located from its print
     * @return the room in characters, empty when the name's box or the card's layout is not known
     */
    static Optional<Double> room(String name, List<TextLine> lines, CardRegion region) {
        if (name == null || region.source() != CardRegion.Source.TEXT_LAYOUT) {
            return Optional.empty();
        }
        double a = Math.toRadians(region.angleDeg());
        double left = region.centerX() * Math.cos(a) + region.centerY() * Math.sin(a) - region.length() / 2;
        double s = region.pxPerMm();
        return box(name, lines).map(l -> (l.x() + l.width() - (left + VALUE_X_MM * s)) / (PRINT_MM * s));
    }
}
