package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Second;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A cell second by second, from the runs' 1 Hz timelines laid end to end: items/s and p99 above, in flight and CPU
 * below, so that a warm-up, a pause or a drift shows where a total would hide it. One PNG per cell that has any.
 */
final class TimelineChart {
    static final String PREFIX = "timeline_";
    private static final Color BLUE = new Color(0x4E79A7);
    private static final Color ORANGE = new Color(0xF28E2B);
    private static final Color GREEN = new Color(0x59A14F);
    private static final Color PURPLE = new Color(0x8E5B91);

    private TimelineChart() {}

    /** File name to PNG, per plotted cell whose runs carry a timeline. */
    static Map<String, byte[]> render(List<PlottedCell> cells) {
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        for (PlottedCell c : cells) {
            List<XYChart> panels = panels(c);
            if (!panels.isEmpty()) {
                pngs.put(PREFIX + c.cell().id() + ".png", stack(panels));
            }
        }
        return pngs;
    }

    /** The heading of a timeline file, or null when {@code file} is not one. */
    static String titleOf(String file) {
        return file.startsWith(PREFIX) && file.endsWith(".png")
                ? "Second by second: cell " + file.substring(PREFIX.length(), file.length() - 4)
                : null;
    }

    /** The two panels of a cell, empty when no run of it has a timeline (results written before they were kept). */
    static List<XYChart> panels(PlottedCell c) {
        List<Second> seconds = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        int offset = 0;
        for (RunResult r : c.cell().runs()) {
            if (r.timeline() == null || r.timeline().isEmpty()) {
                continue;
            }
            for (Second s : r.timeline()) {
                seconds.add(s);
                at.add((double) offset + s.t());
            }
            // the next repetition starts where this one's last second ended
            offset += r.timeline().getLast().t();
        }
        if (seconds.isEmpty()) {
            return List.of();
        }
        String runs = c.cell().runs().size() > 1 ? " (its runs end to end)" : "";
        XYChart load = ChartFrame.createXy(c.label() + ": items/s and p99", "seconds" + runs, "items/s");
        line(load, "items/s", at, seconds, s -> s.itemsPerS(), BLUE, 0);
        line(load, "p99 (ms)", at, seconds, s -> s.p99Us() / 1000.0, ORANGE, 1);
        load.setYAxisGroupTitle(1, "p99 (ms)");
        load.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        XYChart work = ChartFrame.createXy(c.label() + ": in flight and CPU", "seconds" + runs, "items in flight");
        if (seconds.stream().allMatch(s -> s.inFlight() >= 0)) {
            line(work, "in flight", at, seconds, s -> s.inFlight(), GREEN, 0);
        }
        line(work, "process CPU (% of one core)", at, seconds, Second::cpuProcessPct, PURPLE, 1);
        work.setYAxisGroupTitle(1, "CPU, % of one core");
        work.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return List.of(load, work);
    }

    private static void line(
            XYChart chart,
            String name,
            List<Double> at,
            List<Second> seconds,
            ToDoubleFunction<Second> value,
            Color color,
            int axis) {
        XYSeries s = chart.addSeries(
                name, at, seconds.stream().map(value::applyAsDouble).toList());
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setYAxisGroup(axis);
    }

    /** The panels one above the other, in one PNG. */
    private static byte[] stack(List<XYChart> panels) {
        List<BufferedImage> images =
                panels.stream().map(BitmapEncoder::getBufferedImage).toList();
        int width = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(0);
        int height = images.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int y = 0;
            for (BufferedImage i : images) {
                g.drawImage(i, 0, y, null);
                y += i.getHeight();
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(all, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a timeline as PNG", e);
        }
    }
}
