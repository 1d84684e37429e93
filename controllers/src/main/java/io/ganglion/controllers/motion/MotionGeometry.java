package io.ganglion.controllers.motion;

/**
 * The shape of a motion detector's kernels and of its output grid. Immutable, validated at
 * construction.
 *
 * <ul>
 *   <li><b>delays</b> D and <b>bin width</b>: time is cut into bins of {@code binUs}
 *       microseconds (bin b = floor(t / binUs)); an event of bin b is seen by the readout of bin k
 *       at delay d = k - b, for d in [0, D): the kernel spans D bins into the past.
 *   <li><b>kernel size</b> K: each output neuron sees a K x K pixel window.
 *   <li><b>stride</b> S (1 &lt;= S &lt;= K): output neurons sit on a grid of S x S pixel cells;
 *       cell (X, Y) sees pixels x in [S X - pad, S X - pad + K), y likewise, pad = (K - S) / 2.
 *       Every pixel is seen by at least one cell. K = S tiles the sensor (one cell per event).
 * </ul>
 *
 * <p>A kernel is indexed by feature f = ((p D + d) K + dy) K + dx, with polarity p (0 OFF, 1 ON),
 * delay d, and the event's position (dx, dy) inside the cell's window (0 = the window's left/top
 * column/row). Weights are stored feature-major: weight (f, class c) at f C + c for C classes.
 */
public final class MotionGeometry {

  /** Event polarities: 0 OFF, 1 ON. */
  public static final int POLARITIES = 2;
  /** The largest number of delay bins. */
  public static final int MAX_DELAYS = 64;
  /** The largest kernel size in pixels. */
  public static final int MAX_KERNEL_SIZE = 64;
  /** The largest bin width: 1 s. */
  public static final long MAX_BIN_US = 1_000_000L;

  private final int delays;
  private final long binUs;
  private final int kernelSize;
  private final int stride;

  /**
   * @param delays D in [1, 64]
   * @param binUs bin width in microseconds, in [1, 1 000 000]
   * @param kernelSize K in [1, 64]
   * @param stride S in [1, K]
   */
  public MotionGeometry(int delays, long binUs, int kernelSize, int stride) {
    if (delays < 1 || delays > MAX_DELAYS) {
      throw new IllegalArgumentException("motion geometry: delays must be in [1, " + MAX_DELAYS + "], got " + delays);
    }
    if (binUs < 1 || binUs > MAX_BIN_US) {
      throw new IllegalArgumentException("motion geometry: bin width must be in [1, " + MAX_BIN_US + "] us, got " + binUs);
    }
    if (kernelSize < 1 || kernelSize > MAX_KERNEL_SIZE) {
      throw new IllegalArgumentException("motion geometry: kernel size must be in [1, " + MAX_KERNEL_SIZE + "] px, got "
          + kernelSize);
    }
    if (stride < 1 || stride > kernelSize) {
      throw new IllegalArgumentException("motion geometry: stride must be in [1, kernel size " + kernelSize
          + "] so that every pixel is seen, got " + stride);
    }
    this.delays = delays;
    this.binUs = binUs;
    this.kernelSize = kernelSize;
    this.stride = stride;
  }

  /** D, the number of delay bins. */
  public int delays() {
    return delays;
  }

  /** The bin width in microseconds. */
  public long binUs() {
    return binUs;
  }

  /** K, the kernel window's side in pixels. */
  public int kernelSize() {
    return kernelSize;
  }

  /** S, the output grid's cell side in pixels. */
  public int stride() {
    return stride;
  }

  /** (K - S) / 2: how far a cell's window reaches left of (and above) its cell. */
  public int padding() {
    return (kernelSize - stride) / 2;
  }

  /** The time span the kernel sees: D bins. */
  public long windowUs() {
    return delays * binUs;
  }

  /** Features per class: 2 D K K. */
  public int featureCount() {
    return POLARITIES * delays * kernelSize * kernelSize;
  }

  /** Feature index f = ((p D + d) K + dy) K + dx. */
  public int featureIndex(int polarity, int delay, int dy, int dx) {
    return ((polarity * delays + delay) * kernelSize + dy) * kernelSize + dx;
  }

  /** The feature with the other polarity: f + D K K for OFF features, f - D K K for ON ones. */
  public int swapPolarity(int feature) {
    int half = delays * kernelSize * kernelSize;
    return feature < half ? feature + half : feature - half;
  }

  /** Output cells across a sensor {@code width} pixels wide: ceil(width / S). */
  public int cellsAcross(int widthPx) {
    return (widthPx + stride - 1) / stride;
  }

  /** The left (or top) pixel of cell {@code cell}'s window: S cell - pad (may be negative). */
  public int windowStart(int cell) {
    return cell * stride - padding();
  }

  /** The pixel at the centre of cell {@code cell}'s window: S cell - pad + (K - 1) / 2. */
  public int cellCentre(int cell) {
    return windowStart(cell) + (kernelSize - 1) / 2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MotionGeometry g && g.delays == delays && g.binUs == binUs
        && g.kernelSize == kernelSize && g.stride == stride;
  }

  @Override
  public int hashCode() {
    return ((delays * 31 + Long.hashCode(binUs)) * 31 + kernelSize) * 31 + stride;
  }

  @Override
  public String toString() {
    return delays + " delays x " + binUs + " us, kernel " + kernelSize + "x" + kernelSize + " px, stride " + stride;
  }
}
