package io.loadgrid.report.sweep;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Each bar's value written above it (and above its error bar). A sweep mixes cells whose figures differ a
 * thousandfold, and the small bars would otherwise read as zero; XChart's own labels sit inside the bar and
 * vanish on exactly those. The bar positions follow XChart's category bar layout.
 */
final class BarValueLabels extends Annotation {
    private static final Font FONT = new Font(ChartFrame.FONT, Font.PLAIN, 12);
    /** The share of the plot height the highest bar may take, leaving room for its label. */
    private static final double HEADROOM = 0.82;

    private BarValueLabels() {
        super(false);
    }

    /** Writes each bar's value over it, with the y axis raised so that the highest label stays inside the plot. */
    static CategoryChart addTo(CategoryChart chart) {
        double top = chart.getSeriesMap().values().stream()
                .mapToDouble(BarValueLabels::top)
                .max()
                .orElse(0);
        CategoryStyler s = chart.getStyler();
        if (s.isYAxisLogarithmic()) {
            double min = Math.log10(s.getYAxisMin());
            s.setYAxisMax(Math.pow(10, min + (Math.log10(top) - min) / HEADROOM));
        } else {
            // all zero (no failures, the usual case) would leave XChart an axis without a range
            s.setYAxisMax(top > 0 ? top / HEADROOM : 1.0);
        }
        chart.addAnnotation(new BarValueLabels());
        return chart;
    }

    /** The highest point a series draws: a mean plus its error bar. */
    private static double top(CategorySeries series) {
        double top = 0;
        Iterator<? extends Number> y = series.getYData().iterator();
        Iterator<? extends Number> err =
                series.getExtraValues() == null ? null : series.getExtraValues().iterator();
        while (y.hasNext()) {
            top = Math.max(
                    top, y.next().doubleValue() + (err == null ? 0 : err.next().doubleValue()));
        }
        return top;
    }

    @Override
    public void paint(Graphics2D g) {
        CategoryChart c = (CategoryChart) chart;
        List<CategorySeries> series = c.getSeriesMap().values().stream()
                .filter(CategorySeries::isEnabled)
                .toList();
        if (!isVisible || series.isEmpty()) {
            return;
        }
        double left = getXAxisScreenValueForMin();
        double width = getXAxisScreenValueForMax() - left;
        double content = c.getStyler().getPlotContentSize() * width;
        int categories = series.get(0).getXData().size();
        double slot = content / categories;
        double fill = c.getStyler().getAvailableSpaceFill();
        double bar = slot / series.size() * fill;
        double first = left + (width - content) / 2 + slot * (1 - fill) / 2;
        g.setFont(FONT);
        g.setColor(new Color(0x33, 0x33, 0x33));
        FontMetrics m = g.getFontMetrics();
        if (bar < m.getAscent()) {
            return; // too narrow even for an upright label: the tables carry the numbers
        }
        for (int s = 0; s < series.size(); s++) {
            Iterator<? extends Number> y = series.get(s).getYData().iterator();
            Iterator<? extends Number> err = series.get(s).getExtraValues() == null
                    ? null
                    : series.get(s).getExtraValues().iterator();
            for (int i = 0; y.hasNext(); i++) {
                double v = y.next().doubleValue();
                double top = v + (err == null ? 0 : err.next().doubleValue());
                double x = first + slot * i + bar * s + bar / 2;
                label(g, m, format(v), x, getYAxisScreenValue(top) - 4, bar);
            }
        }
    }

    /** Level when it fits over the bar, else turned to read upwards from the bar's top. */
    private static void label(Graphics2D g, FontMetrics m, String text, double x, double baseline, double bar) {
        int w = m.stringWidth(text);
        if (w <= bar + 4) {
            g.drawString(text, (float) (x - w / 2.0), (float) baseline);
            return;
        }
        AffineTransform saved = g.getTransform();
        g.translate(x + (m.getAscent() - m.getDescent()) / 2.0, baseline);
        g.rotate(-Math.PI / 2);
        g.drawString(text, 0, 0);
        g.setTransform(saved);
    }

    /** Three significant digits are what the eye compares; thousands grouped, large counts shortened. */
    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return significant(v / 1e6) + "M";
        }
        if (a >= 1e4) {
            return significant(v / 1e3) + "k";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return significant(v);
    }

    private static String significant(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
