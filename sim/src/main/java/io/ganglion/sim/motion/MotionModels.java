package io.ganglion.sim.motion;

import java.io.IOException;
import java.io.InputStream;

/**
 * The motion models shipped as resources of this module: the built-in model of {@code motion
 * detect} and the paper-task model that the speed benchmarks run (see docs/motion.md for how each
 * was made).
 */
public final class MotionModels {

  /** The resource path of the built-in model. */
  public static final String DEFAULT_RESOURCE = "/io/ganglion/sim/motion/default-motion-model.json";
  /**
   * The resource path of the paper-task model (12 directions x 3 speeds, 8 delays x 2 ms, pruned
   * to 20%: the 20% row of motion-results.md), the fixed workload of the motion speed benchmarks.
   */
  public static final String PAPER_RESOURCE = "/io/ganglion/sim/motion/paper-motion-model.json";

  private static MotionModel cachedDefault;
  private static MotionModel cachedPaper;

  private MotionModels() {}

  /** The built-in model (read once). */
  public static synchronized MotionModel defaultModel() {
    if (cachedDefault == null) {
      cachedDefault = read(DEFAULT_RESOURCE, "built-in");
    }
    return cachedDefault;
  }

  /** The paper-task model of the speed benchmarks (read once). */
  public static synchronized MotionModel paperModel() {
    if (cachedPaper == null) {
      cachedPaper = read(PAPER_RESOURCE, "paper-task");
    }
    return cachedPaper;
  }

  private static MotionModel read(String resource, String what) {
    try (InputStream in = MotionModels.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the " + what + " motion model " + resource + " is missing from the build");
      }
      return MotionModelFile.read(in, what + " model " + resource);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the " + what + " motion model: " + e.getMessage(), e);
    }
  }
}
