package org.finassist.ocr.synth.scene;

import java.nio.file.Files;
import java.nio.file.Path;
import org.finassist.ocr.synth.CjkFont;
import org.finassist.ocr.synth.Synthetic;

/** Writes build-split scenes to a directory for eyeballing the generator (never the held-out split). */
public final class SceneDump {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/scenes");
        int perKind = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Files.createDirectories(dir);
        SceneGenerator gen = new SceneGenerator(CjkFont.get().orElseThrow(), Synthetic.TODAY);
        int cols = 6;
        int cell = 320;
        int n = SceneKind.values().length * perKind;
        var sheet = new java.awt.image.BufferedImage(cols * cell, ((n + cols - 1) / cols) * cell,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = sheet.createGraphics();
        int k = 0;
        for (SceneKind kind : SceneKind.values()) {
            for (int i = 0; i < perKind; i++) {
                Scene s = gen.scene(Scene.Split.BUILD, kind, i);
                Files.write(dir.resolve(kind.name().toLowerCase() + "-" + i + ".jpg"), s.upload());
                var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(s.upload()));
                double f = Math.min(cell / (double) img.getWidth(), cell / (double) img.getHeight());
                g.drawImage(img, (k % cols) * cell, (k / cols) * cell, (int) (img.getWidth() * f),
                        (int) (img.getHeight() * f), null);
                k++;
            }
        }
        g.dispose();
        javax.imageio.ImageIO.write(sheet, "png", dir.resolve("sheet.png").toFile());
    }
}
