package io.ganglion.firmware.plot;

import io.ganglion.sim.swimmer.SwimmerRecorder;
import io.ganglion.sim.swimmer.SwimmerSensors;
import io.ganglion.sim.swimmer.SwimmerState;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Records a swimmer run for a plot: the nose's path at every control step and the body's centre
 * line every second, then draws them with equal scales on both axes.
 */
public final class SwimmerPathPlot implements SwimmerRecorder {

  private final double controlStepS;
  private final List<double[]> noseX = new ArrayList<>();
  private final List<double[]> noseY = new ArrayList<>();
  private final List<double[][]> outlines = new ArrayList<>();
  private double[] xs = new double[4096];
  private double[] ys = new double[4096];
  private int count;
  private long nextOutlineStep;

  public SwimmerPathPlot(double controlStepS) {
    this.controlStepS = controlStepS;
  }

  @Override
  public void record(long step, SwimmerState s, double[] ctrl) {
    add(SwimmerSensors.noseX(s), SwimmerSensors.noseY(s));
    if (step >= nextOutlineStep) {
      int n = s.model().bodies();
      double[] lx = new double[n + 1];
      double[] ly = new double[n + 1];
      SwimmerSensors.centerLine(s, lx, ly);
      outlines.add(new double[][] {lx, ly});
      nextOutlineStep = (long) Math.ceil((outlines.size()) / controlStepS - 1e-9);
    }
  }

  /** Adds the final nose position after the last step. */
  public void finish(SwimmerState s) {
    add(SwimmerSensors.noseX(s), SwimmerSensors.noseY(s));
    int n = s.model().bodies();
    double[] lx = new double[n + 1];
    double[] ly = new double[n + 1];
    SwimmerSensors.centerLine(s, lx, ly);
    outlines.add(new double[][] {lx, ly});
  }

  private void add(double x, double y) {
    if (count == xs.length) {
      noseX.add(xs);
      noseY.add(ys);
      xs = new double[xs.length];
      ys = new double[ys.length];
      count = 0;
    }
    xs[count] = x;
    ys[count] = y;
    count++;
  }

  private double[] flatten(List<double[]> blocks, double[] last) {
    int total = blocks.size() * last.length + count;
    double[] out = new double[total];
    int at = 0;
    for (double[] b : blocks) {
      System.arraycopy(b, 0, out, at, b.length);
      at += b.length;
    }
    System.arraycopy(last, 0, out, at, count);
    return out;
  }

  /** Draws the chart and saves it (PNG or SVG by extension). */
  public void save(Path path, String title) throws IOException {
    double[] px = flatten(noseX, xs);
    double[] py = flatten(noseY, ys);
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[][] o : outlines) {
      for (int i = 0; i < o[0].length; i++) {
        minX = Math.min(minX, o[0][i]);
        maxX = Math.max(maxX, o[0][i]);
        minY = Math.min(minY, o[1][i]);
        maxY = Math.max(maxY, o[1][i]);
      }
    }
    for (int i = 0; i < px.length; i++) {
      minX = Math.min(minX, px[i]);
      maxX = Math.max(maxX, px[i]);
      minY = Math.min(minY, py[i]);
      maxY = Math.max(maxY, py[i]);
    }
    // equal scales: pad the shorter span so one metre is as long on both axes
    int widthPx = 900;
    int heightPx = 900;
    double span = Math.max(maxX - minX, maxY - minY) * 1.08 + 1e-3;
    double cx = (minX + maxX) / 2;
    double cy = (minY + maxY) / 2;
    XYChart chart = new XYChartBuilder().width(widthPx).height(heightPx).title(title)
        .xAxisTitle("x (m)").yAxisTitle("y (m)").build();
    chart.getStyler().setXAxisMin(cx - span / 2).setXAxisMax(cx + span / 2)
        .setYAxisMin(cy - span / 2).setYAxisMax(cy + span / 2);
    chart.getStyler().setLegendVisible(true).setChartBackgroundColor(Color.WHITE).setMarkerSize(8);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    chart.getStyler().setPlotGridLinesVisible(true).setDecimalPattern("0.00");
    // bodies first (older ones lighter), the nose path on top
    int count = outlines.size();
    for (int i = 0; i < count; i++) {
      double[][] o = outlines.get(i);
      float age = count == 1 ? 1f : (float) i / (count - 1);
      int grey = Math.round(200 - 150 * age);
      XYSeries body = chart.addSeries(i == 0 ? "body every 1 s (darker = later)" : "body " + i, o[0], o[1]);
      body.setMarker(SeriesMarkers.NONE).setLineColor(new Color(grey, grey, grey))
          .setLineStyle(new BasicStroke(1.6f)).setShowInLegend(i == 0);
    }
    XYSeries nose = chart.addSeries("nose path", px, py);
    nose.setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x1f, 0x77, 0xb4)).setLineStyle(new BasicStroke(1.4f));
    XYSeries start = chart.addSeries("start", new double[] {px[0]}, new double[] {py[0]});
    start.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(new Color(0x2c, 0xa0, 0x2c)).setLineStyle(new BasicStroke(0f));
    XYSeries end = chart.addSeries("end", new double[] {px[px.length - 1]}, new double[] {py[py.length - 1]});
    end.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(new Color(0xd6, 0x27, 0x28)).setLineStyle(new BasicStroke(0f));
    ChartFiles.save(chart, "--plot", path);
  }
}
