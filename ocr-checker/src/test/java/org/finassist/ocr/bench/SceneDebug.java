package org.finassist.ocr.bench;

import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.finassist.ocr.engine.PaddleOcrEngine;
import org.finassist.ocr.engine.TextLine;
import org.finassist.ocr.synth.CjkFont;
import org.finassist.ocr.synth.Synthetic;
import org.finassist.ocr.synth.scene.Scene;
import org.finassist.ocr.synth.scene.SceneGenerator;
import org.finassist.ocr.synth.scene.SceneKind;

/** Prints what PP-OCRv4 reads from one build-split scene (never the held-out split): args kind index. */
final class SceneDebug {

    public static void main(String[] args) throws Exception {
        SceneGenerator gen = new SceneGenerator(CjkFont.get().orElseThrow(), Synthetic.TODAY);
        Scene s = gen.scene(Scene.Split.BUILD, SceneKind.valueOf(args[0]), Integer.parseInt(args[1]));
        System.out.println(s.identity());
        try (PaddleOcrEngine e = PaddleOcrEngine.load(2, 960)) {
            for (TextLine l : e.recognize(ImageIO.read(new ByteArrayInputStream(s.upload())))) {
                System.out.printf("%-30s %.3f/%.3f x=%d y=%d w=%d h=%d a=%.1f%n", l.text(), l.confidence(), l.weakest(), l.x(), l.y(),
                        l.width(), l.height(), l.angleDeg());
            }
        }
    }
}
