package dev.kelas.learning.analytics;

import dev.kelas.learning.analytics.StudentDashboard.Series;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Renders a dashboard's chart series as PNG images with JFreeChart 1.5, headless ({@code java.awt.headless=true}, set
 * here before AWT loads), for e-mail reports and clients that want a picture. Weekly and daily series are lines, the
 * others bars. SVG is not offered: the JFreeSVG library is not available to this build.
 */
@ApplicationScoped
public class AnalyticsCharts {
    /** Smallest and largest width or height of an image, in pixels. */
    public static final int MIN_SIZE = 100;
    public static final int MAX_SIZE = 2000;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * One series as a PNG image.
     *
     * @param name   the chart's name (its title; names starting {@code weekly} or ending {@code PerDay} or {@code Trend} are lines)
     * @param width  pixels, {@link #MIN_SIZE} to {@link #MAX_SIZE} (checked by the resource)
     * @param height pixels, likewise
     * @return the PNG bytes
     */
    public byte[] png(String name, Series series, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < series.labels().size(); i++) {
            data.addValue(series.values().get(i), name, series.labels().get(i));
        }
        boolean line = name.startsWith("weekly") || name.endsWith("PerDay") || name.endsWith("Trend");
        JFreeChart chart = line ? ChartFactory.createLineChart(name, null, null, data)
                : ChartFactory.createBarChart(name, null, null, data);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
