package io.ganglion.controllers.motion;

/**
 * For each pixel coordinate along one sensor axis, the output cells whose window contains it and
 * the pixel's offset inside each window: cell(i, j) = {@code cell[i * perPixel + j]}, offset
 * {@code offset[i * perPixel + j]}, for j &lt; {@code count[i]}. Built once; read per event.
 */
final class AxisCells {

  final int cells;
  final int perPixel;
  final int[] cell;
  final int[] offset;
  final int[] count;

  AxisCells(MotionGeometry g, int sizePx) {
    int k = g.kernelSize();
    int s = g.stride();
    this.cells = g.cellsAcross(sizePx);
    this.perPixel = (k + s - 1) / s;
    this.cell = new int[sizePx * perPixel];
    this.offset = new int[sizePx * perPixel];
    this.count = new int[sizePx];
    for (int i = 0; i < sizePx; i++) {
      int n = 0;
      // windowStart(c) = S c - pad in (i - K, i]  <=>  c in [ceil((i - K + 1 + pad) / S), floor((i + pad) / S)]
      int pad = g.padding();
      int first = Math.max(0, Math.floorDiv(i - k + 1 + pad + s - 1, s));
      int last = Math.min(cells - 1, Math.floorDiv(i + pad, s));
      for (int c = first; c <= last; c++) {
        int off = i - g.windowStart(c);
        cell[i * perPixel + n] = c;
        offset[i * perPixel + n] = off;
        n++;
      }
      if (n == 0 || n > perPixel) {
        throw new IllegalStateException("pixel " + i + " is seen by " + n + " cells (geometry " + g + ")");
      }
      count[i] = n;
    }
  }
}
