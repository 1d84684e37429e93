package io.ganglion.drivers.events;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A fixed byte buffer over an input stream that tracks the stream offset of every byte: readers
 * decode straight out of {@link #buf} between {@link #pos} and {@link #limit} and call {@link
 * #fill} when they need more. Constant memory; allocation-free after construction (except header
 * lines, which are read once as strings).
 */
final class ByteChunkInput {

  final byte[] buf;
  /** Next unread byte. */
  int pos;
  /** End of the valid bytes. */
  int limit;

  private final InputStream in;
  private final String sourceName;
  /** Stream offset of buf[0]. */
  private long bufferOffset;
  private boolean eof;

  ByteChunkInput(InputStream in, int capacity, String sourceName) {
    this.in = in;
    this.buf = new byte[capacity];
    this.sourceName = sourceName;
  }

  /** Stream offset of the next unread byte. */
  long offset() {
    return bufferOffset + pos;
  }

  /** Stream offset of {@code buf[index]}. */
  long offsetOf(int index) {
    return bufferOffset + index;
  }

  int available() {
    return limit - pos;
  }

  /** True when every byte of the stream has been consumed. */
  boolean exhausted() {
    return pos == limit && (eof || fill(1) == 0);
  }

  /**
   * Makes at least {@code n <= buf.length} bytes available if the stream still has them, moving the
   * unread bytes to the front of the buffer first.
   *
   * @return the bytes available ({@code < n} only at the end of the stream)
   */
  int fill(int n) {
    if (n > buf.length) {
      n = buf.length;
    }
    if (limit - pos >= n) {
      return limit - pos;
    }
    if (pos > 0) {
      int keep = limit - pos;
      System.arraycopy(buf, pos, buf, 0, keep);
      bufferOffset += pos;
      pos = 0;
      limit = keep;
    }
    try {
      while (limit < n && !eof) {
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
          eof = true;
        } else {
          limit += r;
        }
      }
    } catch (IOException e) {
      throw new GanglionException(sourceName + ": read failed at byte " + offsetOf(limit) + ": " + e.getMessage(), e);
    }
    return limit - pos;
  }

  /** Reads more bytes if the buffer is not full; returns false at the end of the stream. */
  boolean fillMore() {
    int before = limit - pos;
    return fill(before + 1) > before;
  }

  /**
   * Finds the end of the line that starts at {@link #pos}, reading more input as needed.
   *
   * @return the index of its '\n' in {@link #buf}; {@link #limit} if the input ends without one;
   *     -1 if no bytes are left
   */
  int findLineEnd() {
    int scanned = 0;
    while (true) {
      final byte[] b = buf;
      for (int i = pos + scanned, lim = limit; i < lim; i++) {
        if (b[i] == '\n') {
          return i;
        }
      }
      scanned = limit - pos;
      if (scanned == buf.length) {
        throw new InvalidInputException(sourceName + ": the line at byte " + offset() + " is longer than "
            + buf.length + " bytes; the file is corrupt or not a text file (or raise the read buffer size)");
      }
      if (!fillMore()) {
        return limit == pos ? -1 : limit;
      }
    }
  }

  /**
   * Reads one header line up to '\n' (removed, with a trailing '\r') as ISO-8859-1 text; at the end
   * of the stream returns what is left, or null if nothing is.
   */
  String readLine() {
    int end = findLineEnd();
    if (end < 0) {
      return null;
    }
    int textEnd = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
    String line = new String(buf, pos, textEnd - pos, StandardCharsets.ISO_8859_1);
    pos = end < limit ? end + 1 : end;
    return line;
  }

  void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new GanglionException(sourceName + ": close failed: " + e.getMessage(), e);
    }
  }
}
