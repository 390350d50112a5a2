package org.finassist.ocr.synth.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Pictures customers upload by mistake: bank cards, receipts, train tickets, QR codes, portraits. */
final class NonIdRenderer {

    private static final double PX = 12.5;
    private static final String[] BANKS = {"中国工商银行", "中国建设银行", "招商银行", "中国农业银行", "交通银行"};
    private static final String[] ITEMS = {"矿泉水", "牛奶", "面包", "苹果", "洗衣液", "纸巾", "酸奶", "鸡蛋", "大米", "食用油"};
    private static final String[] STATIONS = {"北京南", "上海虹桥", "广州南", "深圳北", "杭州东", "南京南", "武汉", "成都东"};

    private final Font font;

    NonIdRenderer(Font font) {
        this.font = font;
    }

    Font font() {
        return font;
    }

    BufferedImage bankCard(Random r) {
        BufferedImage img = canvas(85.6, 54);
        Graphics2D g = graphics(img);
        Color a = new Color(r.nextInt(120), r.nextInt(120), 80 + r.nextInt(120));
        g.setPaint(new GradientPaint(0, 0, a, img.getWidth(), img.getHeight(), a.brighter()));
        g.fill(new RoundRectangle2D.Double(0, 0, img.getWidth(), img.getHeight(), 40, 40));
        text(g, BANKS[r.nextInt(BANKS.length)], 6, 11, 4.5, Color.WHITE);
        g.setColor(new Color(220, 190, 90));
        g.fillRoundRect(px(8), px(18), px(11), px(8), 8, 8);
        StringBuilder num = new StringBuilder("6222");
        for (int i = 0; i < 15; i++) {
            num.append(r.nextInt(10));
            if (num.length() % 5 == 4) {
                num.append(' ');
            }
        }
        text(g, num.toString(), 6, 36, 4.2, Color.WHITE);
        text(g, (1 + r.nextInt(12)) + "/" + (26 + r.nextInt(6)), 30, 43, 3, Color.WHITE);
        text(g, "ZHANG SAN", 6, 49, 3.2, Color.WHITE);
        text(g, "银联 UnionPay", 60, 49, 3, Color.WHITE);
        g.dispose();
        return img;
    }

    BufferedImage receipt(Random r) {
        int lines = 10 + r.nextInt(8);
        BufferedImage img = canvas(72, 40 + lines * 6.5);
        Graphics2D g = graphics(img);
        g.setColor(new Color(246, 244, 238));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        text(g, "购物小票", 24, 10, 5, Color.BLACK);
        text(g, "2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + " 1" + r.nextInt(10) + ":2" + r.nextInt(10),
                6, 18, 3, Color.DARK_GRAY);
        double y = 26;
        double total = 0;
        for (int i = 0; i < lines; i++) {
            double price = 1 + r.nextInt(4000) / 100.0;
            total += price;
            text(g, ITEMS[r.nextInt(ITEMS.length)] + "  x" + (1 + r.nextInt(3)), 6, y, 3.2, Color.BLACK);
            text(g, String.format("%.2f", price), 52, y, 3.2, Color.BLACK);
            y += 6.5;
        }
        text(g, String.format("合计：%.2f 元", total), 6, y + 4, 3.8, Color.BLACK);
        g.dispose();
        return img;
    }

    BufferedImage ticket(Random r, String maskedId, String name) {
        BufferedImage img = canvas(87, 54);
        Graphics2D g = graphics(img);
        g.setPaint(new GradientPaint(0, 0, new Color(190, 215, 235), img.getWidth(), 0, new Color(215, 230, 240)));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        int a = r.nextInt(STATIONS.length);
        int b = (a + 1 + r.nextInt(STATIONS.length - 1)) % STATIONS.length;
        text(g, "G" + (100 + r.nextInt(8000)), 36, 12, 4.5, Color.BLACK);
        text(g, STATIONS[a] + "站", 6, 13, 5, Color.BLACK);
        text(g, STATIONS[b] + "站", 58, 13, 5, Color.BLACK);
        text(g, "2025年0" + (1 + r.nextInt(9)) + "月1" + r.nextInt(10) + "日 08:" + (10 + r.nextInt(50)) + "开",
                6, 22, 3.6, Color.BLACK);
        text(g, "0" + (1 + r.nextInt(9)) + "车1" + r.nextInt(10) + "A号", 58, 22, 3.6, Color.BLACK);
        text(g, "￥" + (100 + r.nextInt(900)) + ".0元", 6, 30, 3.6, Color.BLACK);
        text(g, "二等座", 58, 30, 3.6, Color.BLACK);
        text(g, maskedId + " " + name, 6, 40, 3.6, Color.BLACK);
        text(g, "买票请到12306 发货请到95306", 10, 48, 3, Color.DARK_GRAY);
        g.dispose();
        return img;
    }

    BufferedImage qrCode(Random r) {
        int modules = 25 + 4 * r.nextInt(3);
        double mm = 1.4;
        BufferedImage img = canvas(modules * mm + 20, modules * mm + 34);
        Graphics2D g = graphics(img);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (finder(x, y, modules) || (!inFinder(x, y, modules) && r.nextBoolean())) {
                    g.fillRect(px(10 + x * mm), px(10 + y * mm), px(mm) + 1, px(mm) + 1);
                }
            }
        }
        text(g, "扫码支付 请向商家出示", 8, modules * mm + 24, 4, Color.BLACK);
        g.dispose();
        return img;
    }

    private static boolean inFinder(int x, int y, int n) {
        return (x < 8 && y < 8) || (x >= n - 8 && y < 8) || (x < 8 && y >= n - 8);
    }

    private static boolean finder(int x, int y, int n) {
        if (!inFinder(x, y, n)) {
            return false;
        }
        int fx = x >= n - 8 ? x - (n - 7) : x;
        int fy = y >= n - 8 ? y - (n - 7) : y;
        if (fx < 0 || fy < 0 || fx > 6 || fy > 6) {
            return false;
        }
        return fx == 0 || fy == 0 || fx == 6 || fy == 6 || (fx >= 2 && fx <= 4 && fy >= 2 && fy <= 4);
    }

    BufferedImage portrait(Random r, int w, int h) {
        BufferedImage img = Textures.draw(Textures.Surface.values()[r.nextInt(8)], w, h, r);
        Graphics2D g = graphics(img);
        g.setColor(new Color(30 + r.nextInt(60), 30 + r.nextInt(60), 40 + r.nextInt(90)));
        g.fill(new Ellipse2D.Double(w * 0.2, h * 0.62, w * 0.6, h * 0.6));
        g.setColor(new Color(225, 190, 160));
        g.fill(new Ellipse2D.Double(w * 0.36, h * 0.18, w * 0.28, h * 0.42));
        g.setColor(new Color(30, 25, 20));
        g.fill(new Ellipse2D.Double(w * 0.34, h * 0.12, w * 0.32, h * 0.16));
        g.fill(new Ellipse2D.Double(w * 0.43, h * 0.33, w * 0.03, h * 0.02));
        g.fill(new Ellipse2D.Double(w * 0.54, h * 0.33, w * 0.03, h * 0.02));
        g.setStroke(new BasicStroke(3));
        g.setColor(new Color(150, 60, 60));
        g.drawArc((int) (w * 0.45), (int) (h * 0.45), (int) (w * 0.1), (int) (h * 0.04), 180, 180);
        g.dispose();
        return img;
    }

    private static BufferedImage canvas(double wMm, double hMm) {
        return new BufferedImage(px(wMm), px(hMm), BufferedImage.TYPE_INT_ARGB);
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private void text(Graphics2D g, String s, double xMm, double yMm, double sizeMm, Color c) {
        g.setColor(c);
        g.setFont(font.deriveFont((float) (sizeMm * PX)));
        g.drawString(s, px(xMm), px(yMm));
    }

    private static int px(double mm) {
        return (int) Math.round(mm * PX);
    }
}
