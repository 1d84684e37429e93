package io.ganglion.drivers.events;

/**
 * The pixel array size of an event sensor: valid coordinates are {@code 0 <= x < width} and
 * {@code 0 <= y < height}. {@link #UNKNOWN} (0 x 0) means the source declared no size.
 */
public record SensorSize(int width, int height) {

  /** No declared size. */
  public static final SensorSize UNKNOWN = new SensorSize(0, 0);

  /** Checks that both sides are positive, or both zero for {@link #UNKNOWN}. */
  public SensorSize {
    boolean unknown = width == 0 && height == 0;
    if (!unknown && (width <= 0 || height <= 0)) {
      throw new IllegalArgumentException("sensor size must be positive (or 0x0 for unknown), got " + width + "x" + height);
    }
  }

  /** True unless this is {@link #UNKNOWN}. */
  public boolean isKnown() {
    return width > 0;
  }

  /** True when (x, y) is a pixel of a known size. */
  public boolean contains(int x, int y) {
    return x >= 0 && y >= 0 && x < width && y < height;
  }

  @Override
  public String toString() {
    return isKnown() ? width + "x" + height : "unknown";
  }
}
