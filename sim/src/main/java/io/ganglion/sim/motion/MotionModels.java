package io.ganglion.sim.motion;

import java.io.IOException;
import java.io.InputStream;

/** The built-in motion model, shipped as a resource of this module (see docs/motion.md for how it was made). */
public final class MotionModels {

  /** The resource path of the built-in model. */
  public static final String DEFAULT_RESOURCE = "/io/ganglion/sim/motion/default-motion-model.json";

  private static MotionModel cached;

  private MotionModels() {}

  /** The built-in model (read once). */
  public static synchronized MotionModel defaultModel() {
    if (cached == null) {
      try (InputStream in = MotionModels.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the built-in motion model " + DEFAULT_RESOURCE + " is missing from the build");
        }
        cached = MotionModelFile.read(in, "built-in model " + DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the built-in motion model: " + e.getMessage(), e);
      }
    }
    return cached;
  }
}
