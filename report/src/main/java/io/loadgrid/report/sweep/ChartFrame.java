package io.loadgrid.report.sweep;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The one look of every sweep chart: size, fonts, legend, and category labels that stay readable as cells grow. */
final class ChartFrame {
    static final String FONT = Font.SANS_SERIF;
    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    private static final Font TICKS;
    /** A legend entry's line sample and gaps, beside its name, in pixels. */
    private static final int LEGEND_ENTRY_PAD = 50;
    /** A legend row's height, in pixels, at the legend's 13 pt. */
    private static final int LEGEND_ROW = 22;

    static {
        // charts are drawn on servers and in CI without a display; every AWT use here passes through this class
        // first, so that AWT never looks for one
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        TICKS = new Font(FONT, Font.PLAIN, 13);
    }

    private ChartFrame() {}

    static CategoryChart create(String title, String yTitle, List<PlottedCell> cells) {
        String xTitle = PlottedCell.anySaturated(cells) ? "cell      (" + PlottedCell.SATURATED_NOTE + ")" : "cell";
        int widest = widestLabel(cells);
        boolean upright = widest + 8 > slot(cells.size());
        CategoryChart chart = new CategoryChartBuilder()
                .width(width(cells.size()))
                .height(height(upright, widest))
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        CategoryStyler s = chart.getStyler();
        look(s, false);
        s.setPlotGridVerticalLinesVisible(false);
        s.setAvailableSpaceFill(0.8);
        if (upright) {
            // upright, not slanted: XChart centres a label's bounding box on its tick, which puts a slanted one
            // half its length off its bar; an upright one is as narrow as a line, and hangs from the axis
            s.setXAxisLabelRotation(90);
            s.setXAxisLabelAlignmentVertical(AxesChartStyler.TextAlignment.Right);
        }
        s.setYAxisMin(0.0);
        s.setToolTipsEnabled(false);
        return chart;
    }

    /** A chart of lines, in the same look as the bar charts: one line per cell, the legend below. */
    static XYChart createXy(String title, String xTitle, String yTitle) {
        return createXy(title, xTitle, yTitle, List.of());
    }

    /**
     * As {@link #createXy(String, String, String)} for lines named {@code legend}: XChart lays a legend below in one
     * row and cuts what does not fit, so a legend longer than the chart is wide goes to its right, one name a row, the
     * chart widened by the longest name and made tall enough for them all.
     */
    static XYChart createXy(String title, String xTitle, String yTitle, List<String> legend) {
        int row = legend.stream().mapToInt(n -> textWidth(n) + LEGEND_ENTRY_PAD).sum();
        boolean aside = row > WIDTH - 40;
        int widest = legend.stream().mapToInt(ChartFrame::textWidth).max().orElse(0);
        XYChart chart = new XYChartBuilder()
                .width(aside ? WIDTH + widest + LEGEND_ENTRY_PAD : WIDTH)
                .height(aside ? Math.min(1600, Math.max(HEIGHT, 120 + legend.size() * LEGEND_ROW)) : HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        XYStyler s = chart.getStyler();
        look(s, aside);
        s.setYAxisMin(0.0);
        s.setToolTipsEnabled(false);
        return chart;
    }

    /** What bars and lines share: fonts, white ground, light grid, dark error bars, the legend below or aside. */
    private static void look(AxesChartStyler s, boolean legendAside) {
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 20));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
        s.setAxisTickLabelsFont(TICKS);
        s.setLegendFont(new Font(FONT, Font.PLAIN, 13));
        s.setLegendPosition(legendAside ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
        s.setLegendLayout(legendAside ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(Color.WHITE);
        s.setChartTitleBoxVisible(false);
        s.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        s.setErrorBarsColor(new Color(0x22, 0x22, 0x22));
    }

    /** Wider for many cells, so that bars stay a few pixels wide; capped where a browser still shows it whole. */
    static int width(int cells) {
        return Math.max(WIDTH, Math.min(2400, cells * 48));
    }

    static boolean canDraw(char glyph) {
        return TICKS.canDisplay(glyph);
    }

    /** Taller by the length of upright labels, so that the bars keep their height; capped like the width. */
    static int height(boolean upright, int widestLabel) {
        return upright ? HEIGHT + Math.min(340, Math.max(0, widestLabel - 40)) : HEIGHT;
    }

    /** The room a category has on the axis, as XChart divides the plot (less the y axis and the margins). */
    private static double slot(int cells) {
        return width(cells) * 0.85 * 0.92 / Math.max(1, cells);
    }

    static int widestLabel(List<PlottedCell> cells) {
        return cells.stream().mapToInt(c -> textWidth(c.label())).max().orElse(0);
    }

    /** Pixels {@code text} takes in the tick and legend font (the two are the same size). */
    static int textWidth(String text) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            FontMetrics m = g.getFontMetrics(TICKS);
            return m.stringWidth(text);
        } finally {
            g.dispose();
        }
    }
}
