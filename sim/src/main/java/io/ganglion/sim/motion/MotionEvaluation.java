package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionDetectorConfig;
import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.controllers.motion.MotionKernel;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.sim.dvs.MotionDataset;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionTrack;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Accuracy of a motion detector on labelled movies, three ways:
 *
 * <ul>
 *   <li><b>per movie</b>: the movie's dominant class (most output spikes over the whole movie;
 *       ties to the lower class; no spike = wrong) equals its true class;
 *   <li><b>per spike</b>: an output spike's class equals the true class at its time;
 *   <li><b>per readout</b>: at every neuron readout (spiking or not), argmax of the evidence equals
 *       the true class (the paper's per-sample accuracy, before the spike margin).
 * </ul>
 *
 * {@link #fixedPoint} runs the firmware's {@link MotionDetector}; {@link #floatingPoint} computes
 * the same readouts and spikes from the definition with the model's double weights.
 */
public final class MotionEvaluation {

  private MotionEvaluation() {}

  /** A movie with its events, generated once so that several detectors can be compared on it. */
  public record MovieEvents(MotionMovie movie, EventBuffer events) {}

  /** Counts over a set of movies; {@code confusion[true][predicted]} per movie (predicted -1 = no spike: not counted). */
  public record Result(int movies, int moviesCorrect, long spikes, long spikesCorrect, long readouts,
      long readoutsCorrect, int[][] confusion) {

    public double movieAccuracy() {
      return movies == 0 ? Double.NaN : moviesCorrect / (double) movies;
    }

    public double spikeAccuracy() {
      return spikes == 0 ? Double.NaN : spikesCorrect / (double) spikes;
    }

    public double readoutAccuracy() {
      return readouts == 0 ? Double.NaN : readoutsCorrect / (double) readouts;
    }
  }

  /** Generates every movie of {@code dataset} with its events; {@code done} hears progress (may be null). */
  public static List<MovieEvents> generate(MotionDataset dataset, IntConsumer done) {
    List<MovieEvents> list = new ArrayList<>();
    for (int i = 0; i < dataset.size(); i++) {
      MotionMovie m = dataset.movie(i);
      list.add(new MovieEvents(m, m.allEvents()));
      if (done != null) {
        done.accept(i + 1);
      }
    }
    return list;
  }

  private static final class Tally {
    final int classes;
    final int[][] confusion;
    int movies;
    int moviesCorrect;
    long spikes;
    long spikesCorrect;
    long readouts;
    long readoutsCorrect;
    final long[] perClass;

    Tally(int classes) {
      this.classes = classes;
      this.confusion = new int[classes][classes];
      this.perClass = new long[classes];
    }

    void startMovie() {
      java.util.Arrays.fill(perClass, 0);
    }

    void spike(int cls, int truth) {
      perClass[cls]++;
      spikes++;
      spikesCorrect += cls == truth ? 1 : 0;
    }

    void readout(int argmax, int truth) {
      readouts++;
      readoutsCorrect += argmax == truth ? 1 : 0;
    }

    void endMovie(int truth) {
      movies++;
      int best = -1;
      for (int c = 0; c < classes; c++) {
        if (perClass[c] > 0 && (best < 0 || perClass[c] > perClass[best])) {
          best = c;
        }
      }
      if (best >= 0) {
        confusion[truth][best]++;
      }
      moviesCorrect += best == truth ? 1 : 0;
    }

    Result result() {
      return new Result(movies, moviesCorrect, spikes, spikesCorrect, readouts, readoutsCorrect, confusion);
    }
  }

  /** The fixed-point detector running {@code kernel} with {@code spikeMargin} on every movie. */
  public static Result fixedPoint(MotionKernel kernel, double spikeMargin, List<MovieEvents> movies) {
    Tally tally = new Tally(kernel.classCount());
    for (MovieEvents me : movies) {
      MotionMovie m = me.movie();
      MotionTrack track = m.track();
      MotionDetectorConfig config = MotionDetectorConfig.of(m.size().width(), m.size().height())
          .withSpikeMargin(spikeMargin).withSpikeCapacity(1 << 14);
      MotionDetector det = new MotionDetector(kernel, config);
      long binUs = kernel.geometry().binUs();
      det.setEvidenceObserver((bin, cx, cy, e) -> {
        int best = 0;
        for (int c = 1; c < e.length; c++) {
          best = e[c] > e[best] ? c : best;
        }
        tally.readout(best, track.classAt((bin + 1) * binUs - 1));
      });
      MotionOutputs out = det.newOutputs();
      tally.startMovie();
      EventBuffer ev = me.events();
      for (int i = 0; i < ev.count(); i++) {
        det.event(ev.x[i], ev.y[i], ev.tUs[i], ev.polarity[i], out);
        if (out.spikeCount > out.spikeCapacity() / 2) {
          drain(out, track, tally);
        }
      }
      drain(out, track, tally);
      det.flush(out);
      drain(out, track, tally);
      tally.endMovie(m.classIndex());
    }
    return tally.result();
  }

  private static void drain(MotionOutputs out, MotionTrack track, Tally tally) {
    for (int s = 0; s < out.spikeCount; s++) {
      tally.spike(out.spikeClass[s], track.classAt(out.spikeTUs[s] - 1));
    }
    out.spikeCount = 0;
  }

  /** The model's double weights, same readouts and spike rule, computed from the event windows. */
  public static Result floatingPoint(MotionModel model, List<MovieEvents> movies) {
    int classes = model.classCount();
    MotionGeometry g = model.geometry();
    double[] w = model.weights();
    double[] bias = model.biases();
    int half = g.featureCount() / 2;
    Tally tally = new Tally(classes);
    double[] a = new double[classes];
    double[] b = new double[classes];
    int[] features = new int[1 << 12];
    for (MovieEvents me : movies) {
      MotionMovie m = me.movie();
      MotionTrack track = m.track();
      MotionWindows windows = MotionWindows.of(g, m.size().width(), m.size().height(), me.events());
      tally.startMovie();
      for (int r = 0; r < windows.readouts(); r++) {
        int truth = track.classAt(windows.readoutTimeUs(r) - 1);
        for (int cell = 0; cell < windows.cells(); cell++) {
          int size = windows.windowEvents(cell, r);
          if (size == 0) {
            continue;
          }
          if (size > features.length) {
            features = new int[Integer.highestOneBit(size) * 2];
          }
          int n = windows.features(cell, r, features);
          java.util.Arrays.fill(a, 0);
          java.util.Arrays.fill(b, 0);
          for (int j = 0; j < n; j++) {
            int f = features[j];
            int direct = f * classes;
            int swapped = (f < half ? f + half : f - half) * classes;
            for (int c = 0; c < classes; c++) {
              a[c] += w[direct + c];
              b[c] += w[swapped + c];
            }
          }
          int best = 0;
          for (int c = 0; c < classes; c++) {
            a[c] = Math.max(a[c], b[c]) + bias[c];
            best = a[c] > a[best] ? c : best;
          }
          double second = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < classes; c++) {
            if (c != best) {
              second = Math.max(second, a[c]);
            }
          }
          tally.readout(best, truth);
          if (a[best] - second >= model.spikeMargin()) {
            tally.spike(best, truth);
          }
        }
      }
      tally.endMovie(m.classIndex());
    }
    return tally.result();
  }
}
