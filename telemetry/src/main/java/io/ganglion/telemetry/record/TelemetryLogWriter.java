package io.ganglion.telemetry.record;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * Appends records to a telemetry log ({@link LogFormat}) under a {@link FlushPolicy}. Opening an
 * existing log first recovers it (truncates a torn tail, see {@link TelemetryLogs#recover}) and
 * then appends. Thread-safe (appends are serialized).
 *
 * <p>A write error (disk full, file too large, I/O error) fails the writer for good: that append
 * or flush throws a {@link GanglionException} saying how many records the file keeps, the file is
 * cut back to the end of the last record that fully reached it (best effort: if even that fails,
 * the torn tail is what {@link TelemetryLogs#recover} truncates), and every later call throws the
 * same error, so nothing is ever written after a hole: the log so far stays readable.
 */
public final class TelemetryLogWriter implements AutoCloseable {

  private final Path path;
  private final FileChannel channel;
  private final FlushPolicy policy;
  private final RecoveryReport recovery;
  private final ByteBuffer buffer;
  private final CRC32 crc = new CRC32();
  private int recordsSinceFlush;
  private long lastFlushMillis;
  private long records;
  private long bytes;
  private boolean closed;
  /** File offsets: how far the file is written, and where each record still (partly) in the buffer ends. */
  private long fileEnd;
  private long durableEnd;
  private long durableRecords;
  private final java.util.ArrayDeque<long[]> pendingEnds = new java.util.ArrayDeque<>(); // {end offset}
  private GanglionException failure;

  private TelemetryLogWriter(Path path, FileChannel channel, FlushPolicy policy, RecoveryReport recovery)
      throws IOException {
    this.path = path;
    this.channel = channel;
    this.policy = policy;
    this.recovery = recovery;
    this.fileEnd = channel.size();
    this.durableEnd = fileEnd;
    this.buffer = ByteBuffer.allocate(policy.bufferBytes()).order(ByteOrder.LITTLE_ENDIAN);
    this.lastFlushMillis = System.currentTimeMillis();
  }

  /**
   * Opens {@code path} for appending: creates it with a header when missing, else recovers it
   * (a torn tail is truncated; see {@link #recovery()}).
   *
   * @throws InvalidInputException when the file exists but is not a telemetry log
   */
  public static TelemetryLogWriter open(Path path, FlushPolicy policy) {
    return open(path, policy, java.util.function.UnaryOperator.identity());
  }

  /** {@link #open(Path, FlushPolicy)} with the append channel wrapped (tests inject write errors). */
  static TelemetryLogWriter open(Path path, FlushPolicy policy, java.util.function.UnaryOperator<FileChannel> wrap) {
    try {
      RecoveryReport recovery;
      if (Files.exists(path) && Files.size(path) > 0) {
        recovery = TelemetryLogs.recover(path);
      } else {
        writeHeader(path);
        recovery = new RecoveryReport(0, LogFormat.HEADER_BYTES, 0, null);
      }
      FileChannel ch = wrap.apply(FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
      return new TelemetryLogWriter(path, ch, policy, recovery);
    } catch (IOException e) {
      throw new GanglionException("cannot open telemetry log " + path + " for writing: " + e.getMessage(), e);
    }
  }

  static void writeHeader(Path path) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(LogFormat.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(LogFormat.MAGIC_LE).putShort((short) LogFormat.VERSION).putShort((short) 0).putLong(System.currentTimeMillis());
    h.flip();
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      while (h.hasRemaining()) {
        ch.write(h);
      }
      ch.force(true);
    }
  }

  /** What opening found in an existing file. */
  public RecoveryReport recovery() {
    return recovery;
  }

  /** The file. */
  public Path path() {
    return path;
  }

  /** Appends one record. */
  public synchronized void append(LogRecord r) {
    append(r.receiveTimeUs(), r.topic(), r.qos(), r.retained(), r.payload());
  }

  /**
   * Appends one record; flushes when the policy says so.
   *
   * @throws InvalidInputException when the record is too large for the format
   */
  public synchronized void append(long receiveTimeUs, String topic, int qos, boolean retained, byte[] payload) {
    if (failure != null) {
      throw failure;
    }
    if (closed) {
      throw new IllegalStateException("telemetry log " + path + " is closed");
    }
    byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
    if (topicBytes.length > 0xFFFF) {
      throw new InvalidInputException("topic of " + topicBytes.length + " B is too long to record (max 65535)");
    }
    long bodyLength = (long) LogFormat.BODY_FIXED_BYTES + topicBytes.length + payload.length;
    if (bodyLength > LogFormat.MAX_BODY) {
      throw new InvalidInputException("message of " + payload.length + " B on " + topic + " is too large to record (max "
          + LogFormat.MAX_BODY + " B)");
    }
    ByteBuffer fixed = ByteBuffer.allocate(LogFormat.BODY_FIXED_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    fixed.putLong(receiveTimeUs).put((byte) qos).put((byte) (retained ? 1 : 0)).putShort((short) topicBytes.length);
    crc.reset();
    crc.update(fixed.array());
    crc.update(topicBytes);
    crc.update(payload);
    ByteBuffer frame = ByteBuffer.allocate(LogFormat.FRAME_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    frame.putInt((int) bodyLength).putInt((int) crc.getValue());
    long end = fileEnd + buffer.position() + LogFormat.FRAME_BYTES + bodyLength;
    pendingEnds.add(new long[] {end});
    try {
      put(frame.array());
      put(fixed.array());
      put(topicBytes);
      put(payload);
    } catch (IOException e) {
      throw fail("write", e);
    }
    records++;
    bytes += LogFormat.FRAME_BYTES + bodyLength;
    recordsSinceFlush++;
    if (recordsSinceFlush >= policy.everyRecords()) {
      flush();
    } else {
      flushIfDue(System.currentTimeMillis());
    }
  }

  /** Copies into the buffer; a full buffer goes to the file (possibly mid-record). */
  private void put(byte[] data) throws IOException {
    int off = 0;
    while (off < data.length) {
      int n = Math.min(buffer.remaining(), data.length - off);
      buffer.put(data, off, n);
      off += n;
      if (!buffer.hasRemaining()) {
        drainBuffer();
      }
    }
  }

  private void drainBuffer() throws IOException {
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        fileEnd += channel.write(buffer);
        while (!pendingEnds.isEmpty() && pendingEnds.peek()[0] <= fileEnd) {
          durableEnd = pendingEnds.poll()[0];
          durableRecords++;
        }
      }
    } finally {
      buffer.compact();
    }
  }

  /**
   * Fails the writer for good after a write error: cuts the file back to the last complete record
   * (best effort) and returns the one-line error every later call throws.
   */
  private GanglionException fail(String what, IOException e) {
    if (failure != null) {
      return failure;
    }
    String cut;
    try {
      channel.truncate(durableEnd);
      cut = "the log is intact up to there";
    } catch (IOException truncateError) {
      cut = "a torn last record is truncated when the log is next opened";
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    failure = new GanglionException("cannot " + what + " telemetry log " + path + " (" + reason + "): recording stopped"
        + " after " + (recovery.records() + durableRecords) + " complete records; " + cut
        + "; free disk space or choose another --out", e);
    return failure;
  }

  /** The write error that stopped this writer, or null. */
  public synchronized GanglionException failure() {
    return failure;
  }

  /** Records of this writer that reached the file (all of them after a successful flush). */
  public synchronized long durableRecords() {
    return durableRecords;
  }

  /** Flushes when the policy's time rule is due. */
  public synchronized void flushIfDue(long nowMillis) {
    if (!closed && failure == null && policy.everyMillis() > 0 && nowMillis - lastFlushMillis >= policy.everyMillis()
        && (recordsSinceFlush > 0 || buffer.position() > 0)) {
      flush();
    }
  }

  /** Writes the buffer to the file (and forces it to the device under an fsync policy). */
  public synchronized void flush() {
    if (failure != null) {
      throw failure;
    }
    if (closed) {
      return;
    }
    try {
      drainBuffer();
      if (policy.fsync()) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw fail("write", e);
    }
    recordsSinceFlush = 0;
    lastFlushMillis = System.currentTimeMillis();
  }

  /** Records appended by this writer. */
  public synchronized long records() {
    return records;
  }

  /** Bytes appended by this writer (frames included). */
  public synchronized long bytes() {
    return bytes;
  }

  /**
   * Flushes, forces to the device and closes. Idempotent. After a write error it only closes the
   * file (nothing more is written), without throwing again.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      if (failure == null) {
        try {
          drainBuffer();
          channel.force(true);
        } catch (IOException e) {
          throw fail("write", e);
        }
      }
    } finally {
      closed = true;
      try {
        channel.close();
      } catch (IOException e) {
        // closing anyway: the data was forced (or the writer had already failed)
      }
    }
  }
}
