package io.ganglion.firmware.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Plots of the motion detector: direction histograms over time, accuracy against pruning. */
public final class MotionPlots {

  /** The most columns a direction heat map draws: longer recordings merge adjacent windows. */
  static final int MAX_COLUMNS = 120;

  private MotionPlots() {}

  /**
   * A heat map of spikes per direction (rows) and time window (columns), each column normalised
   * to its largest count so that quiet and busy windows are equally readable.
   */
  public static void saveDirectionsOverTime(String title, long windowUs, double[] directionsDeg,
      List<long[]> histograms, String option, Path path) throws IOException {
    int windows = Math.max(1, histograms.size());
    int merge = (windows + MAX_COLUMNS - 1) / MAX_COLUMNS;
    int columns = (windows + merge - 1) / merge;
    List<String> x = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      x.add(String.format(Locale.ROOT, "%.2f", c * merge * windowUs / 1e6));
    }
    List<String> y = new ArrayList<>();
    for (double d : directionsDeg) {
      y.add(d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d));
    }
    List<Number[]> heat = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      long[] sum = new long[directionsDeg.length];
      for (int w = c * merge; w < Math.min(histograms.size(), (c + 1) * merge); w++) {
        for (int d = 0; d < sum.length; d++) {
          sum[d] += histograms.get(w)[d];
        }
      }
      long max = 0;
      for (long v : sum) {
        max = Math.max(max, v);
      }
      for (int d = 0; d < sum.length; d++) {
        heat.add(new Number[] {c, d, max == 0 ? 0.0 : sum[d] / (double) max});
      }
    }
    HeatMapChart chart = new HeatMapChartBuilder().width(1000).height(420)
        .title(title + ": share of spikes per direction (column max = 1)")
        .xAxisTitle(String.format(Locale.ROOT, "window start (s), %.0f ms windows", merge * windowUs / 1000.0))
        .yAxisTitle("direction (deg; 0 = right, 90 = down)").build();
    chart.getStyler().setMin(0).setMax(1).setPiecewise(false)
        .setRangeColors(new Color[] {Color.WHITE, new Color(0x9ecae1), new Color(0x08306b)})
        .setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.addSeries("spikes", x, y, heat);
    ChartFiles.save(chart, option, path);
  }

  /** One point of a pruning curve. */
  public record PruningPoint(long nonZeroWeights, double fixedMovieAccuracy, double fixedSpikeAccuracy,
      double floatMovieAccuracy, double floatSpikeAccuracy) {}

  /** Accuracy (percent) against the number of non-zero weights, log scale. */
  public static void savePruningCurve(String title, List<PruningPoint> points, String option, Path path)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
        .xAxisTitle("non-zero weights (log scale)").yAxisTitle("accuracy on held-out movies (%)").build();
    chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0).setYAxisMax(100.0)
        .setLegendPosition(Styler.LegendPosition.InsideSE).setChartBackgroundColor(Color.WHITE);
    add(chart, "per movie, fixed point", points, PruningPoint::fixedMovieAccuracy, SeriesMarkers.CIRCLE);
    add(chart, "per movie, float", points, PruningPoint::floatMovieAccuracy, SeriesMarkers.NONE);
    add(chart, "per spike, fixed point", points, PruningPoint::fixedSpikeAccuracy, SeriesMarkers.SQUARE);
    add(chart, "per spike, float", points, PruningPoint::floatSpikeAccuracy, SeriesMarkers.NONE);
    ChartFiles.save(chart, option, path);
  }

  private static void add(XYChart chart, String name, List<PruningPoint> points,
      java.util.function.ToDoubleFunction<PruningPoint> f, org.knowm.xchart.style.markers.Marker marker) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (PruningPoint p : points) {
      double v = f.applyAsDouble(p);
      if (Double.isFinite(v)) {
        xs.add((double) p.nonZeroWeights());
        ys.add(100 * v);
      }
    }
    if (!xs.isEmpty()) {
      XYSeries s = chart.addSeries(name, xs, ys);
      s.setMarker(marker);
    }
  }
}
