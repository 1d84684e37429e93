package io.ganglion.telemetry.record;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Reads a telemetry log record by record, streaming. {@link #next()} returns each complete,
 * CRC-valid record and null at the end of the valid part; {@link #report()} then says how many
 * bytes after it were dropped and why (a torn tail after a crash, or corruption). Never returns a
 * damaged record.
 */
public final class TelemetryLogReader implements AutoCloseable {

  private final Path path;
  private final InputStream in;
  private final long fileSize;
  private final CRC32 crc = new CRC32();
  private final byte[] frame = new byte[LogFormat.FRAME_BYTES];
  private final long createdMillis;
  private long position;
  private long records;
  private String problem;
  private boolean done;

  /**
   * Opens {@code path} and checks its header.
   *
   * @throws InvalidInputException when it is not a telemetry log of a known version
   */
  public TelemetryLogReader(Path path) {
    this.path = path;
    try {
      this.fileSize = Files.size(path);
      this.in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read telemetry log " + path + ": " + e.getMessage(), e);
    }
    byte[] header = new byte[LogFormat.HEADER_BYTES];
    int n = readFully(header);
    if (n < LogFormat.HEADER_BYTES) {
      // A crash right after creation leaves a prefix of the header (nothing valid, everything is
      // dropped); any other short file is not a log at all, and must not be "recovered" over.
      if (!LogFormat.isHeaderPrefix(header, n)) {
        close();
        throw new InvalidInputException(path + " is not a Ganglion telemetry log (" + n + " bytes that are not the start"
            + " of a GLOG header)");
      }
      createdMillis = 0;
      problem = "torn file header (" + n + " of " + LogFormat.HEADER_BYTES + " bytes)";
      done = true;
      return;
    }
    ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    if (h.getInt() != LogFormat.MAGIC_LE) {
      close();
      throw new InvalidInputException(path + " is not a Ganglion telemetry log (its first bytes are not GLOG)");
    }
    int version = h.getShort() & 0xFFFF;
    if (version != LogFormat.VERSION) {
      close();
      throw new InvalidInputException(path + " is a telemetry log of version " + version + "; this reader knows version "
          + LogFormat.VERSION);
    }
    h.getShort();
    createdMillis = h.getLong();
    position = LogFormat.HEADER_BYTES;
  }

  /** The next valid record, or null at the end of the valid part. */
  public LogRecord next() {
    if (done) {
      return null;
    }
    long at = position;
    int n = readFully(frame);
    if (n == 0) {
      done = true;
      return null;
    }
    if (n < LogFormat.FRAME_BYTES) {
      return stop("torn record frame at byte " + at + " (" + n + " of 8 bytes)");
    }
    ByteBuffer f = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
    long length = f.getInt() & 0xFFFF_FFFFL;
    long expectedCrc = f.getInt() & 0xFFFF_FFFFL;
    if (length < LogFormat.BODY_FIXED_BYTES || length > LogFormat.MAX_BODY) {
      return stop("impossible record length " + length + " at byte " + at);
    }
    if (length > fileSize - at - LogFormat.FRAME_BYTES) {
      return stop("torn record at byte " + at + " (body of " + length + " B, " + (fileSize - at - LogFormat.FRAME_BYTES) + " B present)");
    }
    byte[] body = new byte[(int) length];
    if (readFully(body) < length) {
      return stop("torn record at byte " + at + " (file shorter than it was a moment ago)");
    }
    crc.reset();
    crc.update(body);
    if (crc.getValue() != expectedCrc) {
      return stop("CRC mismatch in the record at byte " + at);
    }
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    long timeUs = b.getLong();
    int qos = b.get() & 0xFF;
    int flags = b.get() & 0xFF;
    int topicLength = b.getShort() & 0xFFFF;
    if (qos > 2 || (flags & ~1) != 0 || topicLength > length - LogFormat.BODY_FIXED_BYTES) {
      return stop("invalid record fields at byte " + at + " (qos " + qos + ", flags " + flags + ", topic " + topicLength + " B)");
    }
    String topic = new String(body, LogFormat.BODY_FIXED_BYTES, topicLength, StandardCharsets.UTF_8);
    int payloadAt = LogFormat.BODY_FIXED_BYTES + topicLength;
    byte[] payload = java.util.Arrays.copyOfRange(body, payloadAt, body.length);
    position = at + LogFormat.FRAME_BYTES + length;
    records++;
    return new LogRecord(timeUs, topic, qos, (flags & 1) != 0, payload);
  }

  private LogRecord stop(String why) {
    problem = why;
    done = true;
    return null;
  }

  /** The byte offset where the next record starts (the end of the valid part read so far). */
  public long nextRecordOffset() {
    return position;
  }

  /** When the log was created (ms since the epoch), 0 when its header is torn. */
  public long createdMillis() {
    return createdMillis;
  }

  /** Valid records read so far, valid bytes, and the dropped tail (complete after {@link #next()} returned null). */
  public RecoveryReport report() {
    return new RecoveryReport(records, position, fileSize - position, problem);
  }

  private int readFully(byte[] dest) {
    try {
      int total = 0;
      while (total < dest.length) {
        int n = in.read(dest, total, dest.length - total);
        if (n < 0) {
          break;
        }
        total += n;
      }
      return total;
    } catch (IOException e) {
      throw new GanglionException("cannot read telemetry log " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // read-only: nothing lost
    }
  }
}
