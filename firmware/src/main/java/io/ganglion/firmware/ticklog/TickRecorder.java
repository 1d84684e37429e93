package io.ganglion.firmware.ticklog;

import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.gpio.EStopIO;
import io.ganglion.drivers.gpio.EStopInputs;
import io.ganglion.drivers.imu.ImuIO;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.drivers.servo.ServoIO;
import io.ganglion.drivers.servo.ServoInputs;
import io.ganglion.firmware.core.RobotIo;
import io.ganglion.firmware.inputs.InputsCodec;
import io.ganglion.firmware.runtime.LoopClock;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.telemetry.LoopCommands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a firmware run AdvantageKit-style: the inputs of every device read (each
 * {@code updateInputs}, all fields), every output write, every task run with its times, and every
 * command the loop applied, in call order, into a tick log (the telemetry log format). With the
 * board file and settings in its first record, {@link TickReplayer} re-runs the same controller on
 * the recorded inputs and compares its outputs with the recorded ones. Everything happens on the
 * loop thread; recording allocates nothing after setup.
 *
 * <pre>{@code
 * TickRecorder rec = TickRecorder.create(file, clock);
 * RobotIo io = rec.wrap(robotIo);                 // before building the firmware
 * Firmware f = Firmware.builder(clock, io, ...).build();
 * rec.begin(TickConfig.of(...), f.scheduler());   // writes the config record, hooks the scheduler
 * }</pre>
 */
public final class TickRecorder implements LoopScheduler.RunListener, LoopCommands.AppliedListener, AutoCloseable {

  private final TickLogWriter writer;
  private final LoopClock clock;
  private final byte[] payload = new byte[64 * 1024];
  private final double[] words = new double[8 * 1024];
  private final byte[] taskTopic = TickTopics.TASK.getBytes(StandardCharsets.UTF_8);
  private final byte[] skipTopic = TickTopics.SKIP.getBytes(StandardCharsets.UTF_8);
  private final byte[] outTopic = TickTopics.OUT_SERVO.getBytes(StandardCharsets.UTF_8);
  private final byte[] cmdTopic = TickTopics.CMD.getBytes(StandardCharsets.UTF_8);
  private final List<String> layouts = new ArrayList<>();
  private boolean recording;
  private boolean closed;
  private String failure;

  private TickRecorder(Path file, LoopClock clock) {
    this.writer = new TickLogWriter(file, 1 << 20);
    this.clock = clock;
  }

  /** Creates (or truncates) {@code file}. */
  public static TickRecorder create(Path file, LoopClock clock) {
    return new TickRecorder(file, clock);
  }

  /** The IO with every seam recording (the original's resources are closed with it). */
  public RobotIo wrap(RobotIo io) {
    List<EncoderIO> encoders = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < io.joints(); j++) {
      encoders.add(new RecEncoder(io.encoder(j), device("enc" + j, new EncoderInputs())));
      names.add(io.encoderName(j));
    }
    ImuIO imu = io.imu() == null ? null : new RecImu(io.imu(), device("imu", new ImuInputs()));
    EStopIO estop = new RecEStop(io.estop(), device("estop", new EStopInputs()));
    ServoIO servo = new RecServo(io.servo(), device("servo", new ServoInputs(io.servo().channelCount())));
    return new RobotIo(servo, io.servoName(), encoders, names, imu, io.imuName(), estop, io.estopName(), io.led(),
        List.of(io::closeQuietly));
  }

  /** The inputs layouts of the wrapped devices, for the config record. */
  public List<String> layouts() {
    return layouts;
  }

  /** Writes the config record and starts recording task runs of {@code scheduler}. */
  public void begin(String configJson, LoopScheduler scheduler) {
    byte[] json = configJson.getBytes(StandardCharsets.UTF_8);
    writer.append(clock.nanoTime() / 1_000, TickTopics.CONFIG.getBytes(StandardCharsets.UTF_8), json, json.length);
    scheduler.listener(this);
    recording = true;
  }

  /**
   * Why the recording stopped early (the tick log could not be written, e.g. a full disk), or null.
   * A failed write never reaches the loop: recording stops, the log is cut short there (a replay
   * reports it so), and every read and write still goes to the wrapped IO.
   */
  public synchronized String failure() {
    return failure;
  }

  /** Appends one record on the loop thread; a write error stops the recording instead of throwing. */
  private void append(long timeUs, byte[] topic, byte[] bytes, int length) {
    if (!recording || closed) {
      return;
    }
    try {
      writer.append(timeUs, topic, bytes, length);
    } catch (RuntimeException e) {
      recording = false;
      synchronized (this) {
        failure = e.getMessage();
      }
    }
  }

  /** Records and tick-log bytes written so far. */
  public long records() {
    return writer.records();
  }

  public long bytes() {
    return writer.bytes();
  }

  @Override
  public void beforeRun(int index, long startNanos, long deadlineNanos) {
    int at = putInt(payload, 0, index);
    at = putLong(payload, at, startNanos);
    at = putLong(payload, at, deadlineNanos);
    append(startNanos / 1_000, taskTopic, payload, at);
  }

  @Override
  public void skipped(int index, long dropped) {
    int at = putInt(payload, 0, index);
    at = putLong(payload, at, dropped);
    append(clock.nanoTime() / 1_000, skipTopic, payload, at);
  }

  @Override
  public void applied(int what, double value) {
    int at = putInt(payload, 0, what);
    at = putLong(payload, at, Double.doubleToRawLongBits(value));
    append(clock.nanoTime() / 1_000, cmdTopic, payload, at);
  }

  private Device device(String name, Object sample) {
    InputsCodec codec = InputsCodec.forInstance(sample);
    layouts.add(name + "=" + codec.layout());
    return new Device((TickTopics.IN + name).getBytes(StandardCharsets.UTF_8), codec);
  }

  private void input(Device d, Object inputs) {
    if (!recording || closed) {
      return;
    }
    int n = d.codec.pack(inputs, words, 0);
    int at = 0;
    for (int i = 0; i < n; i++) {
      at = putLong(payload, at, Double.doubleToRawLongBits(words[i]));
    }
    append(clock.nanoTime() / 1_000, d.topic, payload, at);
  }

  private void output(int mode, double[] commands) {
    if (!recording || closed) {
      return;
    }
    payload[0] = (byte) mode;
    int at = 1;
    if (mode == TickTopics.APPLY) {
      for (double c : commands) {
        at = putLong(payload, at, Double.doubleToRawLongBits(c));
      }
    }
    append(clock.nanoTime() / 1_000, outTopic, payload, at);
  }

  /**
   * Flushes and closes the log (call on the loop thread after the loop ended, or after it stopped).
   * After a {@link #failure()} it only releases the file, quietly.
   */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      if (failure == null) {
        writer.close();
      } else {
        try {
          writer.close();
        } catch (RuntimeException ignored) {
          // the failure is already reported; the log ends where writing failed
        }
      }
    }
  }

  static int putInt(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
    return at + 4;
  }

  static int putLong(byte[] b, int at, long v) {
    putInt(b, at, (int) v);
    return putInt(b, at + 4, (int) (v >>> 32));
  }

  private record Device(byte[] topic, InputsCodec codec) {}

  private final class RecEncoder implements EncoderIO {
    private final EncoderIO inner;
    private final Device d;

    RecEncoder(EncoderIO inner, Device d) {
      this.inner = inner;
      this.d = d;
    }

    @Override
    public void updateInputs(EncoderInputs inputs) {
      inner.updateInputs(inputs);
      input(d, inputs);
    }
  }

  private final class RecImu implements ImuIO {
    private final ImuIO inner;
    private final Device d;

    RecImu(ImuIO inner, Device d) {
      this.inner = inner;
      this.d = d;
    }

    @Override
    public void updateInputs(ImuInputs inputs) {
      inner.updateInputs(inputs);
      input(d, inputs);
    }
  }

  private final class RecEStop implements EStopIO {
    private final EStopIO inner;
    private final Device d;

    RecEStop(EStopIO inner, Device d) {
      this.inner = inner;
      this.d = d;
    }

    @Override
    public void updateInputs(EStopInputs inputs) {
      inner.updateInputs(inputs);
      input(d, inputs);
    }
  }

  private final class RecServo implements ServoIO {
    private final ServoIO inner;
    private final Device d;

    RecServo(ServoIO inner, Device d) {
      this.inner = inner;
      this.d = d;
    }

    @Override
    public int channelCount() {
      return inner.channelCount();
    }

    @Override
    public void updateInputs(ServoInputs inputs) {
      inner.updateInputs(inputs);
      input(d, inputs);
    }

    @Override
    public void apply(double[] commands) {
      output(TickTopics.APPLY, commands);
      inner.apply(commands);
    }

    @Override
    public void applySafe() {
      output(TickTopics.SAFE, null);
      inner.applySafe();
    }

    @Override
    public void disableAll() {
      output(TickTopics.DISABLE, null);
      inner.disableAll();
    }
  }
}
