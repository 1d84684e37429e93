package io.ganglion.firmware.ticklog;

import io.ganglion.drivers.GanglionException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Appends records in the telemetry log format (docs/telemetry.md, "Log file layout": header
 * {@code GLOG}, then length + CRC-32 framed records of time, QoS, flags, topic, payload), so the
 * telemetry log reader, its crash recovery included, reads a tick log too. Topics are given
 * pre-encoded; appending copies into a buffer and allocates nothing; a full buffer is written out
 * on the appending thread (one write per {@code bufferBytes}). Single-threaded.
 */
final class TickLogWriter implements AutoCloseable {

  private static final int FRAME = 8;
  private static final int BODY_FIXED = 12;

  private final Path path;
  private final FileChannel channel;
  private final ByteBuffer buffer;
  private final ByteBuffer direct; // the channel copies heap buffers into a temporary direct one: write from this instead
  private final CRC32 crc = new CRC32();
  private long records;
  private long bytes;

  TickLogWriter(Path path, int bufferBytes) {
    this.path = path;
    try {
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new GanglionException("cannot create the tick log " + path + " (" + e.getClass().getSimpleName() + ")", e);
    }
    this.buffer = ByteBuffer.allocate(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
    this.direct = ByteBuffer.allocateDirect(bufferBytes);
    buffer.put((byte) 'G').put((byte) 'L').put((byte) 'O').put((byte) 'G').putShort((short) 1).putShort((short) 0)
        .putLong(System.currentTimeMillis());
    bytes = buffer.position();
  }

  /** Appends one record of {@code payloadLength} bytes of {@code payload}. */
  void append(long timeUs, byte[] topic, byte[] payload, int payloadLength) {
    int body = BODY_FIXED + topic.length + payloadLength;
    if (buffer.remaining() < FRAME + body) {
      flush();
      if (buffer.remaining() < FRAME + body) {
        throw new GanglionException("tick log record of " + body + " B exceeds the buffer");
      }
    }
    int start = buffer.position();
    buffer.putInt(body).putInt(0).putLong(timeUs).put((byte) 0).put((byte) 0).putShort((short) topic.length).put(topic)
        .put(payload, 0, payloadLength);
    crc.reset();
    crc.update(buffer.array(), start + FRAME, body);
    buffer.putInt(start + 4, (int) crc.getValue());
    records++;
    bytes += FRAME + body;
  }

  /** Writes the buffer to the file. */
  void flush() {
    buffer.flip();
    direct.clear();
    direct.put(buffer);
    direct.flip();
    try {
      while (direct.hasRemaining()) {
        channel.write(direct);
      }
    } catch (IOException e) {
      throw new GanglionException("cannot write the tick log " + path + ": " + e.getMessage(), e);
    } finally {
      buffer.clear();
    }
  }

  long records() {
    return records;
  }

  long bytes() {
    return bytes;
  }

  @Override
  public void close() {
    try (FileChannel c = channel) { // closed even when the flush or force fails
      flush();
      c.force(true);
    } catch (IOException e) {
      throw new GanglionException("cannot close the tick log " + path + ": " + e.getMessage(), e);
    }
  }
}
