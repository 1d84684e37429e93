package io.ganglion.drivers.servo;

import static io.ganglion.drivers.servo.Pca9685Registers.ALL_LED_ON_L;
import static io.ganglion.drivers.servo.Pca9685Registers.MODE1;
import static io.ganglion.drivers.servo.Pca9685Registers.MODE1_AI;
import static io.ganglion.drivers.servo.Pca9685Registers.MODE1_SLEEP;
import static io.ganglion.drivers.servo.Pca9685Registers.MODE2;
import static io.ganglion.drivers.servo.Pca9685Registers.MODE2_OUTDRV;
import static io.ganglion.drivers.servo.Pca9685Registers.PRE_SCALE;

import com.pi4j.context.Context;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.i2c.I2cDevice;
import java.util.List;

/**
 * {@link ServoIO} on a PCA9685 over Pi4J I2C.
 *
 * <p>Initialisation (at construction, and again whenever the chip is found reset): MODE1 = SLEEP
 * | AI (oscillator off, auto-increment, ALLCALL off so a TCA9548A at 0x70 does not clash),
 * PRE_SCALE, MODE2 = OUTDRV, ALL_LED full off, MODE1 = AI (wake). Outputs stay off until the
 * first {@link #apply}/{@link #applySafe}.
 *
 * <p>{@link #apply} writes only the channels whose registers change, each run of adjacent
 * channels as one auto-increment transaction of 4 bytes per channel (a 1 kHz loop would not fit
 * 16 channels x 5 bytes every tick on a 400 kHz bus). {@link #updateInputs} reads MODE1 (one
 * byte) to check the chip is alive and was not reset by a brown-out (SLEEP back on): a reset
 * triggers re-initialisation on the next apply. Bus errors never escape: they set
 * {@code BUS_ERROR}, count, and the failed channels are written again next time. While the chip
 * is not initialised, re-initialisation is tried at most every 100 ms.
 */
public final class ServoIOPi4j implements ServoIO, AutoCloseable {

  /** Minimum time between two initialisation attempts while the chip does not answer. */
  public static final long RETRY_INTERVAL_NANOS = 100_000_000L;

  private final Pca9685Config config;
  private final NanoClock clock;
  private final I2cDevice device;
  private final ServoChannelConfig[] channels;
  private final int n;
  private final int prescale;
  private final double outputFrequencyHz;
  private final double[] safeCommands;
  private final double[] commands;
  private final double[] pulseUs;
  private final int[] counts;
  private final boolean[] limited;
  /** Wanted register contents of all 16 channels, 4 bytes each. */
  private final byte[] wanted = new byte[64];
  /** Whether the chip holds {@link #wanted} for channel i. */
  private final boolean[] inSync = new boolean[16];
  private final byte[] initBytes = new byte[4];

  private boolean initialized;
  private boolean connected;
  private boolean resetPending;
  /** The commands held in {@link #wanted} are every channel's safe value. */
  private boolean safeWanted;
  /** The chip holds the safe values: {@link #safeWanted}, initialised and every configured channel in sync. */
  private boolean safeApplied;
  private boolean disabled = true;
  private int commandFaults;
  private long lastInitAttemptNanos;
  private boolean everTriedInit;
  private long busErrorCount;
  private long resetCount;

  /** Opens the PCA9685 in {@code context} (never creates one) and initialises it; uses the system clock. */
  public ServoIOPi4j(Context context, Pca9685Config config) {
    this(context, config, NanoClock.SYSTEM);
  }

  /**
   * Opens the PCA9685 in {@code context} and tries to initialise it; a chip that does not answer
   * is reported in the inputs and initialised later, not thrown.
   *
   * @throws io.ganglion.drivers.InvalidInputException when Pi4J refuses the device (duplicate name)
   */
  public ServoIOPi4j(Context context, Pca9685Config config, NanoClock clock) {
    this.config = config;
    this.clock = clock;
    List<ServoChannelConfig> list = config.channels();
    this.n = list.size();
    this.channels = list.toArray(new ServoChannelConfig[0]);
    this.prescale = config.prescale();
    this.outputFrequencyHz = config.actualFrequencyHz();
    this.safeCommands = new double[n];
    this.commands = new double[n];
    this.pulseUs = new double[n];
    this.counts = new int[n];
    this.limited = new boolean[n];
    for (int i = 0; i < n; i++) {
      safeCommands[i] = channels[i].safeCommand();
    }
    for (int ch = 0; ch < 16; ch++) {
      Pca9685Registers.encodeChannel(0, wanted, 4 * ch);
    }
    this.device = I2cDevice.open(context, "pca9685-" + config.name(), config.bus(), config.address(), null);
    tryInitialize(clock.nanoTime());
  }

  /** The configuration this driver was built with. */
  public Pca9685Config config() {
    return config;
  }

  @Override
  public int channelCount() {
    return n;
  }

  private boolean tryInitialize(long now) {
    if (everTriedInit && now - lastInitAttemptNanos < RETRY_INTERVAL_NANOS) {
      return false;
    }
    everTriedInit = true;
    lastInitAttemptNanos = now;
    try {
      device.writeRegisterByte(MODE1, MODE1_SLEEP | MODE1_AI);
      device.writeRegisterByte(PRE_SCALE, prescale);
      device.writeRegisterByte(MODE2, MODE2_OUTDRV);
      Pca9685Registers.encodeChannel(0, initBytes, 0);
      device.writeRegister(ALL_LED_ON_L, initBytes, 0, 4);
      device.writeRegisterByte(MODE1, MODE1_AI);
      for (int ch = 0; ch < 16; ch++) {
        // the chip now holds full off everywhere: only channels wanted otherwise need writing
        inSync[ch] = wanted[4 * ch + 1] == 0 && wanted[4 * ch + 3] == Pca9685Registers.FULL_OFF;
      }
      initialized = true;
      connected = true;
      resetPending = false;
      return true;
    } catch (RuntimeException e) {
      busError();
      return false;
    }
  }

  private void busError() {
    busErrorCount++;
    connected = false;
  }

  @Override
  public void apply(double[] commandsIn) {
    int faults = 0;
    boolean lengthOk = commandsIn != null && commandsIn.length == n;
    if (!lengthOk) {
      faults |= DeviceFaults.INVALID_COMMAND;
    }
    boolean allSafe = true;
    for (int i = 0; i < n; i++) {
      double c = lengthOk ? commandsIn[i] : safeCommands[i];
      if (!Double.isFinite(c)) {
        faults |= DeviceFaults.INVALID_COMMAND;
        c = safeCommands[i];
      }
      setChannel(i, c);
      allSafe &= commands[i] == safeCommands[i];
    }
    commandFaults = faults;
    safeWanted = allSafe;
    disabled = false;
    flush();
    refreshSafeApplied();
  }

  @Override
  public void applySafe() {
    for (int i = 0; i < n; i++) {
      setChannel(i, safeCommands[i]);
    }
    commandFaults = 0;
    safeWanted = true;
    disabled = false;
    flush();
    refreshSafeApplied();
  }

  /**
   * {@code safeApplied} is what the chip holds, not what was asked: true only when the safe values
   * are wanted, the chip is initialised and every configured channel's registers were written (a
   * write that failed on the bus leaves its channels out of sync).
   */
  private void refreshSafeApplied() {
    boolean held = safeWanted && initialized;
    for (int i = 0; i < n && held; i++) {
      held = inSync[channels[i].channel()];
    }
    safeApplied = held;
  }

  /** Limits, maps and encodes command {@code c} of configured channel {@code i} into {@link #wanted}. */
  private void setChannel(int i, double c) {
    ServoChannelConfig ch = channels[i];
    double limitedCommand = ch.clamp(c);
    limited[i] = limitedCommand != c;
    commands[i] = limitedCommand;
    double us = ch.pulseUs(limitedCommand);
    int cnt = Pca9685Registers.countsFor(us, prescale, config.oscillatorHz());
    cnt = Math.max(0, Math.min(Pca9685Registers.COUNTS_PER_PERIOD, cnt));
    pulseUs[i] = cnt * Pca9685Registers.countDurationUs(prescale, config.oscillatorHz());
    counts[i] = cnt;
    int hw = ch.channel();
    int off = 4 * hw;
    byte b0 = wanted[off];
    byte b1 = wanted[off + 1];
    byte b2 = wanted[off + 2];
    byte b3 = wanted[off + 3];
    Pca9685Registers.encodeChannel(cnt, wanted, off);
    if (b0 != wanted[off] || b1 != wanted[off + 1] || b2 != wanted[off + 2] || b3 != wanted[off + 3]) {
      inSync[hw] = false;
    }
  }

  /** Writes each run of adjacent out-of-sync channels as one auto-increment transaction. */
  private void flush() {
    if (!initialized && !tryInitialize(clock.nanoTime())) {
      return;
    }
    int ch = 0;
    while (ch < 16) {
      if (inSync[ch]) {
        ch++;
        continue;
      }
      int end = ch;
      while (end + 1 < 16 && !inSync[end + 1]) {
        end++;
      }
      try {
        device.writeRegister(Pca9685Registers.ledOnL(ch), wanted, 4 * ch, 4 * (end - ch + 1));
        connected = true;
        for (int k = ch; k <= end; k++) {
          inSync[k] = true;
        }
      } catch (RuntimeException e) {
        busError();
        return;
      }
      ch = end + 1;
    }
  }

  @Override
  public void disableAll() {
    for (int ch = 0; ch < 16; ch++) {
      Pca9685Registers.encodeChannel(0, wanted, 4 * ch);
    }
    for (int i = 0; i < n; i++) {
      counts[i] = 0;
      pulseUs[i] = 0;
      limited[i] = false;
    }
    disabled = true;
    safeWanted = false;
    safeApplied = false;
    if (!initialized && !tryInitialize(clock.nanoTime())) {
      return;
    }
    Pca9685Registers.encodeChannel(0, initBytes, 0);
    try {
      device.writeRegister(ALL_LED_ON_L, initBytes, 0, 4);
      connected = true;
      for (int ch = 0; ch < 16; ch++) {
        inSync[ch] = true;
      }
    } catch (RuntimeException e) {
      busError();
      for (int ch = 0; ch < 16; ch++) {
        inSync[ch] = false;
      }
    }
  }

  @Override
  public void updateInputs(ServoInputs inputs) {
    if (initialized) {
      try {
        int mode1 = device.readRegisterByte(MODE1);
        connected = true;
        if ((mode1 & (MODE1_SLEEP | MODE1_AI)) != MODE1_AI) {
          // power-on value 0x11: the chip lost power and forgot everything
          resetCount++;
          resetPending = true;
          initialized = false;
          everTriedInit = false;
        }
      } catch (RuntimeException e) {
        busError();
      }
    } else {
      flush();
    }
    refreshSafeApplied();
    inputs.connected = connected;
    int faults = commandFaults;
    if (!connected) {
      faults |= DeviceFaults.BUS_ERROR;
    }
    if (!initialized) {
      faults |= DeviceFaults.NOT_INITIALIZED;
    }
    if (resetPending) {
      faults |= DeviceFaults.DEVICE_RESET;
    }
    inputs.faultFlags = faults;
    System.arraycopy(commands, 0, inputs.commands, 0, n);
    System.arraycopy(pulseUs, 0, inputs.pulseWidthUs, 0, n);
    System.arraycopy(counts, 0, inputs.counts, 0, n);
    System.arraycopy(limited, 0, inputs.limited, 0, n);
    inputs.safeApplied = safeApplied;
    inputs.disabled = disabled;
    inputs.prescale = prescale;
    inputs.outputFrequencyHz = outputFrequencyHz;
    inputs.busErrorCount = busErrorCount;
    inputs.resetCount = resetCount;
    inputs.timestampNanos = clock.nanoTime();
  }

  /** Releases the Pi4J handle; outputs keep their last state (call {@link #disableAll} first to stop them). */
  @Override
  public void close() {
    device.close();
  }
}
