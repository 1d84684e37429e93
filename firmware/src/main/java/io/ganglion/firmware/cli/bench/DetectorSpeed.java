package io.ganglion.firmware.cli.bench;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.sim.motion.MotionSpeedWorkload;
import java.util.Map;

/** One kernel's detector and its rounds. */
final class DetectorSpeed {
  final String name;
  final MotionDetector detector;
  final MotionOutputs out;
  final MotionInputs[] chunks;
  final int events;
  final long nonZero;
  final long weights;
  final RoundSeries series;
  /** Events of the last run whose rows took the saturating adds. */
  long checkedEvents;

  DetectorSpeed(String name, MotionDetector detector, MotionInputs[] chunks, int events) {
    this.name = name;
    this.detector = detector;
    this.out = detector.newOutputs();
    this.chunks = chunks;
    this.events = events;
    this.nonZero = detector.kernel().nonZeroWeightCount();
    this.weights = detector.kernel().weightCount();
    this.series = new RoundSeries();
  }

  /** The speed keys of a JSON row: median, min and max in Mev/s, and bytes per event. */
  void putSpeed(Map<String, Object> row) {
    row.put("mev_s_median", series.median() / 1e6);
    row.put("mev_s_min", series.min() / 1e6);
    row.put("mev_s_max", series.max() / 1e6);
    row.put("bytes_per_event", series.medianBytesPerEvent());
  }

  void measure(int round) {
    long bytes0 = ThreadAllocation.bytes();
    long t0 = System.nanoTime();
    long check = MotionSpeedWorkload.run(detector, chunks, out);
    long ns = Math.max(1, System.nanoTime() - t0);
    long bytes = ThreadAllocation.bytes() - bytes0;
    ThreadAllocation.consume(check);
    checkedEvents = detector.checkedEvents();
    if (round >= 0) {
      series.add(events / (ns / 1e9), (double) bytes / events);
    }
  }
}
