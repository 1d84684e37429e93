package io.ganglion.drivers.adc;

import com.pi4j.context.Context;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.i2c.BigEndian;
import io.ganglion.drivers.i2c.I2cDevice;

/**
 * {@link AdcIO} on an ADS1115 over Pi4J I2C, without ever waiting for a conversion.
 *
 * <p>Single-shot scan (the default): one conversion is in flight at a time. Each
 * {@link #updateInputs} does nothing on the bus until the conversion's nominal time 1/DR has
 * passed; then it reads Config, and when OS = 1 (done) reads Conversion into that channel and
 * writes Config with OS = 1 for the next channel (its MUX and PGA). A conversion not done after
 * twice its time plus 1 ms is {@code NOT_READY} and restarted; a Config readback that differs from
 * what was written (bits 14..0) is {@code CONFIG_MISMATCH} (chip reset) and restarted. Each
 * channel therefore refreshes every {@code channels / DR} seconds at best.
 *
 * <p>Continuous mode (one channel): Config is written once with MODE = 0; each update reads
 * Config (to catch a reset) and Conversion.
 *
 * <pre>  V = int16 * FSR / 32768 * scale   (big-endian code; FSR from the channel's PGA)</pre>
 */
public final class AdcIOPi4j implements AdcIO, AutoCloseable {

  private static final long NOT_READY_MARGIN_NANOS = 1_000_000L;

  private final Ads1115Config config;
  private final NanoClock clock;
  private final I2cDevice device;
  private final int n;
  private final int[] startWords;
  private final double[] fullScaleV;
  private final double[] scale;
  private final long conversionNanos;
  private final byte[] word = new byte[2];
  private final double[] volts;
  private final int[] raw;
  private final long[] sampleNanos;

  private int pending = -1;
  private int next;
  private long startNanos;
  private boolean connected = true;
  private boolean continuousConfigured;
  private long conversionCount;
  private long busErrorCount;
  private long notReadyCount;
  private long configMismatchCount;

  /** Opens the ADS1115 in {@code context}; uses the system clock. */
  public AdcIOPi4j(Context context, Ads1115Config config) {
    this(context, config, NanoClock.SYSTEM);
  }

  /**
   * Opens the ADS1115 in {@code context} (never creates one). Nothing is written yet: the first
   * {@link #updateInputs} starts the first conversion.
   *
   * @throws io.ganglion.drivers.InvalidInputException when Pi4J refuses the device (duplicate name)
   */
  public AdcIOPi4j(Context context, Ads1115Config config, NanoClock clock) {
    this.config = config;
    this.clock = clock;
    this.n = config.channels().size();
    this.startWords = new int[n];
    this.fullScaleV = new double[n];
    this.scale = new double[n];
    this.volts = new double[n];
    this.raw = new int[n];
    this.sampleNanos = new long[n];
    int dr = Ads1115Registers.drBits(config.dataRateSps());
    for (int i = 0; i < n; i++) {
      Ads1115ChannelConfig c = config.channels().get(i);
      int pga = Ads1115Registers.pgaBits(c.fullScaleV());
      startWords[i] = Ads1115Registers.config(!config.continuous(), c.input(), pga, !config.continuous(), dr);
      fullScaleV[i] = c.fullScaleV();
      scale[i] = c.scale();
    }
    this.conversionNanos = config.conversionNanos();
    this.device = I2cDevice.open(context, "ads1115-" + config.name(), config.bus(), config.address(), null);
  }

  /** The configuration this driver was built with. */
  public Ads1115Config config() {
    return config;
  }

  @Override
  public int channelCount() {
    return n;
  }

  @Override
  public void updateInputs(AdcInputs inputs) {
    long now = clock.nanoTime();
    for (int i = 0; i < n; i++) {
      inputs.fresh[i] = false;
    }
    int faults;
    try {
      faults = config.continuous() ? stepContinuous(now, inputs) : stepSingleShot(now, inputs);
      connected = true;
    } catch (RuntimeException e) {
      busErrorCount++;
      connected = false;
      pending = -1;
      continuousConfigured = false;
      faults = DeviceFaults.BUS_ERROR;
    }
    inputs.connected = connected;
    inputs.faultFlags = faults;
    System.arraycopy(volts, 0, inputs.volts, 0, n);
    System.arraycopy(raw, 0, inputs.raw, 0, n);
    System.arraycopy(sampleNanos, 0, inputs.sampleTimestampNanos, 0, n);
    inputs.conversionCount = conversionCount;
    inputs.busErrorCount = busErrorCount;
    inputs.notReadyCount = notReadyCount;
    inputs.configMismatchCount = configMismatchCount;
    inputs.timestampNanos = now;
  }

  private int stepSingleShot(long now, AdcInputs inputs) {
    int faults = 0;
    if (pending >= 0) {
      long elapsed = now - startNanos;
      if (elapsed < conversionNanos) {
        return 0;
      }
      device.readRegister(Ads1115Registers.CONFIG, word, 0, 2);
      int cfg = BigEndian.uint16(word, 0);
      if ((cfg & 0x7FFF) != (startWords[pending] & 0x7FFF)) {
        configMismatchCount++;
        faults |= DeviceFaults.CONFIG_MISMATCH;
        next = pending;
      } else if ((cfg & Ads1115Registers.OS) == 0) {
        if (elapsed <= 2 * conversionNanos + NOT_READY_MARGIN_NANOS) {
          return 0;
        }
        notReadyCount++;
        faults |= DeviceFaults.NOT_READY;
        next = pending;
      } else {
        collect(pending, now, inputs);
        next = pending + 1 == n ? 0 : pending + 1;
      }
      pending = -1;
    }
    BigEndian.put16(word, 0, startWords[next]);
    device.writeRegister(Ads1115Registers.CONFIG, word, 0, 2);
    pending = next;
    startNanos = now;
    return faults;
  }

  private int stepContinuous(long now, AdcInputs inputs) {
    if (!continuousConfigured) {
      BigEndian.put16(word, 0, startWords[0]);
      device.writeRegister(Ads1115Registers.CONFIG, word, 0, 2);
      continuousConfigured = true;
      startNanos = now;
      return 0;
    }
    if (now - startNanos < conversionNanos) {
      return 0;
    }
    device.readRegister(Ads1115Registers.CONFIG, word, 0, 2);
    if ((BigEndian.uint16(word, 0) & 0x7FFF) != (startWords[0] & 0x7FFF)) {
      configMismatchCount++;
      continuousConfigured = false;
      return DeviceFaults.CONFIG_MISMATCH;
    }
    collect(0, now, inputs);
    return 0;
  }

  private void collect(int channel, long now, AdcInputs inputs) {
    device.readRegister(Ads1115Registers.CONVERSION, word, 0, 2);
    int code = BigEndian.int16(word, 0);
    raw[channel] = code;
    volts[channel] = Ads1115Registers.volts(code, fullScaleV[channel]) * scale[channel];
    sampleNanos[channel] = now;
    inputs.fresh[channel] = true;
    conversionCount++;
  }

  /** Releases the Pi4J handle. */
  @Override
  public void close() {
    device.close();
  }
}
