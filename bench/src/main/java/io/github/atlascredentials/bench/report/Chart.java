package io.github.atlascredentials.bench.report;

import io.github.atlascredentials.bench.report.Results.ClientBench;
import io.github.atlascredentials.bench.report.Results.Throughput;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A 2×2 panel PNG of the main figures, drawn with Java 2D (headless). */
final class Chart {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 1200;
    private static final Map<String, Color> COLORS = Map.of(
            "emulator-memory", new Color(0x1f77b4),
            "emulator-disk", new Color(0x6baed6),
            "fixed-body", new Color(0x2ca02c),
            "prism", new Color(0xff7f0e),
            "emulator-cds", new Color(0x1f77b4),
            "emulator-jar", new Color(0x6baed6));

    /** One horizontal bar: value, optional whisker range, colour key, label. */
    record Bar(String label, double value, double low, double high, String colorKey) {}

    private Chart() {}

    static void write(Results results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int half = WIDTH / 2;
        int top = HEIGHT * 11 / 20;
        panel(
                g,
                0,
                0,
                half,
                top,
                "Throughput, requests/s (median; whiskers min–max)",
                throughputBars(results, false),
                "%,.0f",
                Double.NaN);
        panel(
                g,
                half,
                0,
                half,
                top,
                "Latency p99, ms (median of runs)",
                throughputBars(results, true),
                "%.1f",
                Double.NaN);
        panel(
                g,
                0,
                top,
                half,
                HEIGHT - top,
                "Client: µs per secret creation (JMH; whiskers = fork means)",
                clientBars(results),
                "%.0f",
                Double.NaN);
        panel(
                g,
                half,
                top,
                half,
                HEIGHT - top,
                "Start-up to first 201, ms (median; whiskers min–max; line = 1 s target)",
                startupBars(results),
                "%.0f",
                ReportMain.STARTUP_MS);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static List<Bar> throughputBars(Results results, boolean p99) {
        List<Bar> bars = new ArrayList<>();
        for (var e : results.throughput.entrySet()) {
            Results.Key k = e.getKey();
            Throughput t = e.getValue();
            String label = k.workload() + " c" + k.connections() + "  " + Results.SERVERS.get(k.server());
            Stats s = p99 ? t.p99Us() : t.rps();
            double scale = p99 ? 1000 : 1;
            bars.add(new Bar(label, s.median() / scale, s.min() / scale, s.max() / scale, k.server()));
        }
        return bars;
    }

    private static List<Bar> clientBars(Results results) {
        List<Bar> bars = new ArrayList<>();
        for (String name : List.of("client_oauth", "client_staticBearer", "bareJersey", "jdkHttpClient")) {
            ClientBench b = results.client.get(name);
            if (b == null) {
                continue;
            }
            String key = b.name().startsWith("client")
                    ? "emulator-memory"
                    : b.name().equals("bareJersey") ? "fixed-body" : "prism";
            bars.add(new Bar(
                    b.name(), b.score(), b.forkMeans().min(), b.forkMeans().max(), key));
        }
        return bars;
    }

    private static List<Bar> startupBars(Results results) {
        List<Bar> bars = new ArrayList<>();
        results.startup.forEach(
                (server, s) -> bars.add(new Bar(Results.STARTERS.get(server), s.median(), s.min(), s.max(), server)));
        return bars;
    }

    private static void panel(
            Graphics2D g, int x, int y, int w, int h, String title, List<Bar> bars, String format, double targetLine) {
        int pad = 20;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString(title, x + pad, y + pad + 14);
        if (bars.isEmpty()) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.drawString("not measured", x + pad, y + pad + 50);
            return;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int labelWidth =
                bars.stream().mapToInt(b -> fm.stringWidth(b.label())).max().orElse(0) + 10;
        int plotX = x + pad + labelWidth;
        int plotW = w - 2 * pad - labelWidth - 70;
        int plotY = y + pad + 34;
        int plotH = h - 2 * pad - 40;
        double max = bars.stream()
                .mapToDouble(b -> Double.isNaN(b.high()) ? b.value() : Math.max(b.value(), b.high()))
                .max()
                .orElse(1);
        if (!Double.isNaN(targetLine)) {
            max = Math.max(max, targetLine * 1.05);
        }
        max = max <= 0 ? 1 : max * 1.05;
        double slot = (double) plotH / bars.size();
        int barH = (int) Math.max(4, Math.min(26, slot * 0.7));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int cy = (int) (plotY + slot * i + slot / 2);
            g.setColor(Color.DARK_GRAY);
            g.drawString(b.label(), x + pad, cy + fm.getAscent() / 2 - 1);
            int len = (int) (plotW * b.value() / max);
            g.setColor(COLORS.getOrDefault(b.colorKey(), Color.GRAY));
            g.fillRect(plotX, cy - barH / 2, Math.max(1, len), barH);
            if (!Double.isNaN(b.low()) && b.high() > b.low()) {
                g.setColor(Color.BLACK);
                int lo = plotX + (int) (plotW * b.low() / max);
                int hi = plotX + (int) (plotW * b.high() / max);
                g.drawLine(lo, cy, hi, cy);
                g.drawLine(lo, cy - 4, lo, cy + 4);
                g.drawLine(hi, cy - 4, hi, cy + 4);
            }
            g.setColor(Color.BLACK);
            g.drawString(
                    String.format(java.util.Locale.ROOT, format, b.value()),
                    plotX + Math.max(len, (int) (plotW * (Double.isNaN(b.high()) ? 0 : b.high()) / max)) + 6,
                    cy + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.GRAY);
        g.drawLine(plotX, plotY, plotX, plotY + plotH);
        if (!Double.isNaN(targetLine)) {
            int tx = plotX + (int) (plotW * targetLine / max);
            g.setColor(Color.RED);
            g.setStroke(
                    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawLine(tx, plotY, tx, plotY + plotH);
            g.setStroke(new BasicStroke(1f));
        }
    }
}
