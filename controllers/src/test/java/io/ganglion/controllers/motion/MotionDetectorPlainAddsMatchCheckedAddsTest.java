package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The detector adds rows with plain int adds wherever its bounds say no sum can wrap, and with
 * saturating adds elsewhere; {@link MotionDetector#checkedOnly} takes the saturating adds for
 * every event. Both must give the same outputs, to the bit, on streams that push neurons to the
 * int range: bursts in one cell, huge weights, neurons drifting one way, several bins, resets.
 */
class MotionDetectorPlainAddsMatchCheckedAddsTest {

  private static final int CONFIGURATIONS = 400;

  @Test
  void plainAddsGiveWhatSaturatingAddsGiveWhereverTheBoundsAllowThem() {
    SplittableRandom top = new SplittableRandom(20261128);
    int saturated = 0;
    int reboundHelped = 0;
    for (int i = 0; i < CONFIGURATIONS; i++) {
      long seed = top.nextLong();
      Counts c = compare(seed);
      saturated += c.saturations > 0 ? 1 : 0;
      reboundHelped += c.checked < c.checkedByOracle && c.checked > 0 ? 1 : 0;
    }
    // the streams reach what the test is for: saturations, and neurons past the first bound that
    // the second one kept on the plain adds
    assertTrue(saturated > CONFIGURATIONS / 4, "configurations with saturations: " + saturated);
    assertTrue(reboundHelped > CONFIGURATIONS / 10, "configurations where the second bound saved checks: " + reboundHelped);
  }

  private record Counts(long saturations, long checked, long checkedByOracle) {}

  private static Counts compare(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    MotionGeometry g = new MotionGeometry(1 + rnd.nextInt(6), rnd.nextBoolean() ? 100 : 1000, rnd.nextInt(4),
        1 + rnd.nextInt(8), 5000 + rnd.nextInt(50000));
    int classes = 2 + rnd.nextInt(8);
    double[] scales = {0.0, 1, 300, 3000, 16384, 32767};
    MotionKernel k = MotionKernel.quantize(g, MotionTestSupport.classes(classes),
        weights(rnd, g.featureCount() * classes, classes, scales[rnd.nextInt(scales.length)]),
        MotionTestSupport.randomWeights(rnd, classes, scales[rnd.nextInt(scales.length)], 0.5));
    int width = 4 + rnd.nextInt(20);
    int height = 4 + rnd.nextInt(20);
    MotionDetectorConfig config = MotionDetectorConfig.of(width, height)
        .withStorage(rnd.nextBoolean() ? MotionDetectorConfig.Storage.DENSE : MotionDetectorConfig.Storage.SPARSE)
        .withSpikeCapacity(1 + rnd.nextInt(64)).withBackwardsToleranceUs(rnd.nextInt(3000));
    MotionDetector plain = new MotionDetector(k, config);
    MotionDetector oracle = MotionDetector.checkedOnly(k, config);
    MotionTestSupport.EvidenceLog plainLog = new MotionTestSupport.EvidenceLog();
    MotionTestSupport.EvidenceLog oracleLog = new MotionTestSupport.EvidenceLog();
    if (rnd.nextInt(3) == 0) {
      plain.setEvidenceObserver(plainLog);
      oracle.setEvidenceObserver(oracleLog);
    }
    MotionOutputs po = plain.newOutputs();
    MotionOutputs oo = oracle.newOutputs();
    long checked = 0;
    long checkedByOracle = 0;
    for (int pass = 0; pass < 2; pass++) { // the second after a reset
      plain.reset();
      oracle.reset();
      long[] clockUs = {rnd.nextInt(5000)};
      for (int s = 0, steps = 1 + rnd.nextInt(12); s < steps; s++) {
        MotionInputs in = burst(rnd, width, height, g.binUs(), clockUs);
        plain.step(in, po);
        oracle.step(in, oo);
        assertEquals(snapshot(oo), snapshot(po), "seed " + seed + " step " + s);
      }
      plain.flush(po);
      oracle.flush(oo);
      assertEquals(snapshot(oo), snapshot(po), "seed " + seed + " flush");
      assertEquals(oo.eventsProcessed, oracle.checkedEvents(), "seed " + seed + ": the oracle checks every event");
      checked += plain.checkedEvents();
      checkedByOracle += oracle.checkedEvents();
    }
    assertEquals(oracleLog.trace.toString(), plainLog.trace.toString(),
        "seed " + seed + ": the observer's evidence and readouts");
    return new Counts(po.saturations, checked, checkedByOracle);
  }

  /** Weights up to {@code scale}, a share of them zero; often one sign per class, so neurons drift one way. */
  private static double[] weights(SplittableRandom rnd, int n, int classes, double scale) {
    double zeros = rnd.nextDouble();
    boolean signPerClass = rnd.nextBoolean();
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      if (rnd.nextDouble() >= zeros) {
        boolean negative = signPerClass ? (i % classes) % 2 == 1 : rnd.nextBoolean();
        if (rnd.nextDouble() < 0.1) {
          negative = !negative;
        }
        double v = rnd.nextDouble() * scale;
        w[i] = negative ? -v : v;
      }
    }
    return w;
  }

  /** Up to 1,200 events, 80% around one centre, times mostly close together, a few late or early; advances the clock. */
  private static MotionInputs burst(SplittableRandom rnd, int width, int height, long binUs, long[] clockUs) {
    long t = clockUs[0];
    int n = rnd.nextInt(1200);
    MotionInputs in = new MotionInputs(Math.max(1, n));
    int cx = rnd.nextInt(width);
    int cy = rnd.nextInt(height);
    int spread = 1 + rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      double mode = rnd.nextDouble();
      if (mode < 0.05) {
        t += rnd.nextInt((int) binUs * 3);
      } else if (mode < 0.3) {
        t += rnd.nextInt(3);
      }
      long ti = rnd.nextDouble() < 0.03 ? Math.max(0, t - rnd.nextInt(4000)) : t;
      int x = rnd.nextDouble() < 0.8 ? clamp(cx + rnd.nextInt(2 * spread + 1) - spread, width) : rnd.nextInt(width);
      int y = rnd.nextDouble() < 0.8 ? clamp(cy + rnd.nextInt(2 * spread + 1) - spread, height) : rnd.nextInt(height);
      in.set(i, x, y, ti, rnd.nextBoolean());
    }
    in.count = n;
    if (rnd.nextInt(4) == 0) {
      in.advanceToUs = t + rnd.nextInt((int) binUs * 2);
    }
    clockUs[0] = t;
    return in;
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n - 1, v));
  }

  private static String snapshot(MotionOutputs o) {
    StringBuilder s = new StringBuilder();
    s.append(o.faultFlags).append('|').append(o.spikeCount).append('|').append(o.spikesDropped).append('|');
    for (int i = 0; i < o.spikeCount; i++) {
      s.append(o.spikeX[i]).append(',').append(o.spikeY[i]).append(',').append(o.spikeTUs[i]).append(',')
          .append(o.spikeClass[i]).append(',').append(o.spikeEvidenceQ16[i]).append(',').append(o.spikeMarginQ16[i])
          .append(';');
    }
    s.append(Arrays.toString(o.activity)).append(Arrays.toString(o.spikeTotals)).append(o.eventsProcessed).append(',')
        .append(o.eventsOutOfRange).append(',').append(o.eventsOutOfOrder).append(',').append(o.eventsClamped)
        .append(',').append(o.saturations).append(',').append(o.spikesDroppedTotal).append(',').append(o.currentBin);
    return s.toString();
  }
}
