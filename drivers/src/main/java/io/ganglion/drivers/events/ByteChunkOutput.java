package io.ganglion.drivers.events;

import io.ganglion.drivers.GanglionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A fixed output buffer over a stream, for the writers; allocation-free after construction. */
final class ByteChunkOutput {

  final byte[] buf;
  int pos;
  private final OutputStream out;
  private final String sinkName;
  private long flushed;

  ByteChunkOutput(OutputStream out, int capacity, String sinkName) {
    this.out = out;
    this.buf = new byte[capacity];
    this.sinkName = sinkName;
  }

  /** Makes room for {@code n <= buf.length} more bytes. */
  void ensure(int n) {
    if (buf.length - pos < n) {
      drain();
    }
  }

  /** Bytes written so far (buffered included). */
  long offset() {
    return flushed + pos;
  }

  void writeAscii(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
    for (byte c : bytes) {
      ensure(1);
      buf[pos++] = c;
    }
  }

  /** Hands the buffered bytes to the stream. */
  void drain() {
    try {
      out.write(buf, 0, pos);
    } catch (IOException e) {
      throw new GanglionException(sinkName + ": write failed at byte " + flushed + ": " + e.getMessage(), e);
    }
    flushed += pos;
    pos = 0;
  }

  void flush() {
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw new GanglionException(sinkName + ": flush failed: " + e.getMessage(), e);
    }
  }

  void close() {
    try {
      flush();
    } finally {
      try {
        out.close();
      } catch (IOException e) {
        throw new GanglionException(sinkName + ": close failed: " + e.getMessage(), e);
      }
    }
  }
}
