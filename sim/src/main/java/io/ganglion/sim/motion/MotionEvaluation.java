package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.EvidenceObserver;
import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionDetectorConfig;
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
 * Accuracy of a motion detector on labelled movies, four ways:
 *
 * <ul>
 *   <li><b>per event</b>: at every event, the argmax of the layer's evidence E_c (the paper's
 *       B_c at that event) is the true class (the per-sample accuracy of the layer alone);
 *   <li><b>per readout</b>: at every output-neuron readout (a cell that received events in a bin),
 *       the argmax of V_c is the true class at the bin's end, spiking or not;
 *   <li><b>per spike</b>: an output spike's class is the true class at its time; the spikes'
 *       <b>coverage</b> is spikes / readouts (the threshold's accuracy-coverage trade-off);
 *   <li><b>per movie</b>: the movie's dominant class (most spikes; ties to the lower class; no
 *       spike = wrong) is its true class.
 * </ul>
 *
 * {@link #fixedPoint} runs the firmware's {@link MotionDetector}; {@link #floatingPoint} the same
 * arithmetic in double with the model's weights ({@link MotionFloatDetector}).
 */
public final class MotionEvaluation {

  private MotionEvaluation() {}

  /** A movie with its events, generated once so that several detectors can be compared on it. */
  public record MovieEvents(MotionMovie movie, EventBuffer events) {}

  /** Counts over a set of movies; {@code confusion[true][predicted]} per movie (no spike: not counted). */
  public record Result(int movies, int moviesCorrect, long events, long eventsCorrect, long readouts,
      long readoutsCorrect, long spikes, long spikesCorrect, int[][] confusion) {

    public double movieAccuracy() {
      return movies == 0 ? Double.NaN : moviesCorrect / (double) movies;
    }

    public double eventAccuracy() {
      return events == 0 ? Double.NaN : eventsCorrect / (double) events;
    }

    public double readoutAccuracy() {
      return readouts == 0 ? Double.NaN : readoutsCorrect / (double) readouts;
    }

    public double spikeAccuracy() {
      return spikes == 0 ? Double.NaN : spikesCorrect / (double) spikes;
    }

    /** Spikes per readout: the fraction of readouts whose margin passed the threshold. */
    public double spikeCoverage() {
      return readouts == 0 ? Double.NaN : spikes / (double) readouts;
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
    long events;
    long eventsCorrect;
    long readouts;
    long readoutsCorrect;
    long spikes;
    long spikesCorrect;
    final long[] perClass;

    Tally(int classes) {
      this.classes = classes;
      this.confusion = new int[classes][classes];
      this.perClass = new long[classes];
    }

    void startMovie() {
      java.util.Arrays.fill(perClass, 0);
    }

    void event(int argmax, int truth) {
      events++;
      eventsCorrect += argmax == truth ? 1 : 0;
    }

    void readout(int argmax, int truth) {
      readouts++;
      readoutsCorrect += argmax == truth ? 1 : 0;
    }

    void spike(int cls, int truth) {
      perClass[cls]++;
      spikes++;
      spikesCorrect += cls == truth ? 1 : 0;
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
      return new Result(movies, moviesCorrect, events, eventsCorrect, readouts, readoutsCorrect, spikes, spikesCorrect,
          confusion);
    }
  }

  private static int argmax(int[] e) {
    int best = 0;
    for (int c = 1; c < e.length; c++) {
      best = e[c] > e[best] ? c : best;
    }
    return best;
  }

  /** The fixed-point detector running {@code kernel} with {@code spikeMargin} on every movie. */
  public static Result fixedPoint(MotionKernel kernel, double spikeMargin, List<MovieEvents> movies) {
    Tally tally = new Tally(kernel.classCount());
    long binUs = kernel.geometry().binUs();
    for (MovieEvents me : movies) {
      MotionMovie m = me.movie();
      MotionTrack track = m.track();
      MotionDetectorConfig config = MotionDetectorConfig.of(m.size().width(), m.size().height())
          .withSpikeMargin(spikeMargin).withSpikeCapacity(1 << 14);
      MotionDetector det = new MotionDetector(kernel, config);
      det.setEvidenceObserver(new EvidenceObserver() {
        @Override
        public void event(long tUs, int x, int y, int[] e) {
          tally.event(argmax(e), track.classAt(tUs));
        }

        @Override
        public void readout(long bin, int cellX, int cellY, int[] v) {
          tally.readout(argmax(v), track.classAt((bin + 1) * binUs - 1));
        }
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

  /** The model's double weights, same events, readouts and spike rule ({@link MotionFloatDetector}). */
  public static Result floatingPoint(MotionModel model, List<MovieEvents> movies) {
    Tally tally = new Tally(model.classCount());
    long binUs = model.geometry().binUs();
    for (MovieEvents me : movies) {
      MotionMovie m = me.movie();
      MotionTrack track = m.track();
      tally.startMovie();
      MotionFloatDetector.run(model, m.size().width(), m.size().height(), me.events(),
          new MotionFloatDetector.Listener() {
            @Override
            public void event(long tUs, int x, int y, double[] e) {
              int best = 0;
              for (int c = 1; c < e.length; c++) {
                best = e[c] > e[best] ? c : best;
              }
              tally.event(best, track.classAt(tUs));
            }

            @Override
            public void readout(long bin, int cellX, int cellY, double[] v, int best, double margin) {
              int truth = track.classAt((bin + 1) * binUs - 1);
              tally.readout(best, truth);
              if (margin >= model.spikeMargin()) {
                tally.spike(best, truth);
              }
            }
          });
      tally.endMovie(m.classIndex());
    }
    return tally.result();
  }
}
