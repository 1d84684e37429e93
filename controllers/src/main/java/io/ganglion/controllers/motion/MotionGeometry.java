package io.ganglion.controllers.motion;

/**
 * The shape of a motion detector's kernels and of its output neurons. Immutable, validated at
 * construction.
 *
 * <ul>
 *   <li><b>delays</b> D and <b>bin width</b>: time is cut into bins of {@code binUs}
 *       microseconds (bin b = floor(t / binUs)); an earlier event of bin b_e is seen by an event of
 *       bin b at delay d = b - b_e, for d in [0, D): the kernel spans D bins into the past.
 *   <li><b>radius</b> R: the kernel sees the (2R + 1) x (2R + 1) pixels centred on the event it
 *       is evaluated at: offsets (x_e - x, y_e - y) in [-R, R]^2.
 *   <li><b>cell</b> S: output neurons sit on a grid of S x S pixel cells; the neuron of a cell
 *       integrates the evidence of the events of its cell.
 *   <li><b>leak</b> tau: the output neuron's evidence decays by exp(-binUs / tau) per bin.
 * </ul>
 *
 * <p>A kernel is indexed by feature f = ((r D + d) K + dy) K + dx, K = 2R + 1, with the earlier
 * event's polarity relative to the evaluated one (r = 0 same, 1 opposite), delay d, and its offset
 * from the evaluated event, (dx - R, dy - R). Relative polarity makes the layer symmetric under a
 * polarity swap of all events. Feature {@link #selfFeature()} (same polarity, delay 0, offset 0) is
 * the evaluated event itself, present at every evaluation. Weights are stored feature-major:
 * weight (f, class c) at f C + c for C classes.
 */
public final class MotionGeometry {

  /** Event polarities: 0 OFF, 1 ON. */
  public static final int POLARITIES = 2;
  /** The largest number of delay bins (the time surface's ages are exact up to 64). */
  public static final int MAX_DELAYS = 64;
  /** The largest kernel radius in pixels (K = 2R + 1 = 33). */
  public static final int MAX_RADIUS = 16;
  /** The largest output cell side in pixels. */
  public static final int MAX_CELL = 256;
  /** The largest bin width: 1 s. */
  public static final long MAX_BIN_US = 1_000_000L;
  /** The largest leak time constant: 60 s. */
  public static final long MAX_LEAK_US = 60_000_000L;

  private final int delays;
  private final long binUs;
  private final int radius;
  private final int cell;
  private final long leakUs;

  /**
   * @param delays D in [1, 64]
   * @param binUs bin width in microseconds, in [1, 1 000 000]
   * @param radiusPx R in [0, 16]: the kernel is (2R + 1) x (2R + 1) pixels
   * @param cellPx S in [1, 256]: output neurons per S x S pixels
   * @param leakUs tau in [1, 60 000 000] us: the output neurons' leak time constant
   */
  public MotionGeometry(int delays, long binUs, int radiusPx, int cellPx, long leakUs) {
    if (delays < 1 || delays > MAX_DELAYS) {
      throw new IllegalArgumentException("motion geometry: delays must be in [1, " + MAX_DELAYS + "], got " + delays);
    }
    if (binUs < 1 || binUs > MAX_BIN_US) {
      throw new IllegalArgumentException("motion geometry: bin width must be in [1, " + MAX_BIN_US + "] us, got " + binUs);
    }
    if (radiusPx < 0 || radiusPx > MAX_RADIUS) {
      throw new IllegalArgumentException("motion geometry: kernel radius must be in [0, " + MAX_RADIUS + "] px, got "
          + radiusPx);
    }
    if (cellPx < 1 || cellPx > MAX_CELL) {
      throw new IllegalArgumentException("motion geometry: output cell must be in [1, " + MAX_CELL + "] px, got " + cellPx);
    }
    if (leakUs < 1 || leakUs > MAX_LEAK_US) {
      throw new IllegalArgumentException("motion geometry: leak time constant must be in [1, " + MAX_LEAK_US
          + "] us, got " + leakUs);
    }
    this.delays = delays;
    this.binUs = binUs;
    this.radius = radiusPx;
    this.cell = cellPx;
    this.leakUs = leakUs;
  }

  /** D, the number of delay bins. */
  public int delays() {
    return delays;
  }

  /** The bin width in microseconds. */
  public long binUs() {
    return binUs;
  }

  /** R: the kernel reaches R pixels left, right, up and down of the evaluated event. */
  public int radius() {
    return radius;
  }

  /** K = 2R + 1, the kernel's side in pixels. */
  public int kernelSize() {
    return 2 * radius + 1;
  }

  /** S, the output cell side in pixels. */
  public int cellSize() {
    return cell;
  }

  /** tau, the output neurons' leak time constant in microseconds. */
  public long leakUs() {
    return leakUs;
  }

  /** The output neurons' decay over {@code bins} bins: exp(-bins binUs / tau) (1 for bins &lt;= 0). */
  public double decay(long bins) {
    return bins <= 0 ? 1.0 : StrictMath.exp(-(double) bins * binUs / leakUs);
  }

  /** The feature of the evaluated event itself: same polarity, delay 0, offset 0. */
  public int selfFeature() {
    return featureIndex(0, 0, radius, radius);
  }

  /** The time span the kernel sees: D bins. */
  public long windowUs() {
    return delays * binUs;
  }

  /** Kernel positions: K x K. */
  public int positions() {
    return kernelSize() * kernelSize();
  }

  /** Features per class: 2 D K K. */
  public int featureCount() {
    return POLARITIES * delays * positions();
  }

  /**
   * Feature index f = ((r D + d) K + dy) K + dx: r = 0 for an earlier event of the same polarity
   * as the evaluated one, 1 for the opposite; dx, dy in [0, K) (offset + R).
   */
  public int featureIndex(int relativePolarity, int delay, int dy, int dx) {
    int k = kernelSize();
    return ((relativePolarity * delays + delay) * k + dy) * k + dx;
  }

  /** Output cells across a sensor {@code widthPx} pixels wide: ceil(width / S). */
  public int cellsAcross(int widthPx) {
    return (widthPx + cell - 1) / cell;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MotionGeometry g && g.delays == delays && g.binUs == binUs && g.radius == radius
        && g.cell == cell && g.leakUs == leakUs;
  }

  @Override
  public int hashCode() {
    return (((delays * 31 + Long.hashCode(binUs)) * 31 + radius) * 31 + cell) * 31 + Long.hashCode(leakUs);
  }

  @Override
  public String toString() {
    int k = kernelSize();
    return delays + " delays x " + binUs + " us, kernel " + k + "x" + k + " px, cells " + cell + " px, leak "
        + leakUs + " us";
  }
}
