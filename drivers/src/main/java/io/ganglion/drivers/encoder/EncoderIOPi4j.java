package io.ganglion.drivers.encoder;

import com.pi4j.context.Context;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.i2c.I2cDevice;

/**
 * {@link EncoderIO} on an AS5600 over Pi4J I2C, optionally behind a TCA9548A channel.
 *
 * <p>Each {@link #updateInputs} is one 3-byte read from STATUS (0x0B): STATUS, RAW ANGLE high,
 * RAW ANGLE low (plus a 1-byte mux select before it when there is a mux). The raw angle is used,
 * not ANGLE, so that zero and direction live in the config rather than in the chip's OTP:
 *
 * <pre>
 *   raw      = ((b1 &amp; 0x0F) &lt;&lt; 8) | b2                    12 bits
 *   angleRad = wrap(direction * (raw * 2 pi / 4096 - zeroOffsetRad))   in [-pi, pi)
 *   position += wrap(angle - previous angle)                       continuous across turns
 *   velocity  = (position - previous position) / (t - previous t)
 * </pre>
 *
 * <p>Plausibility: bits the chip always reads as zero (STATUS 7..6 and 2..0, RAW ANGLE 15..12)
 * must be zero, otherwise the frame is rejected ({@code INVALID_FRAME}). Without a magnet (MD = 0)
 * the angle is held and {@code valid} is false. Bus errors set {@code BUS_ERROR}; the read is
 * retried every tick and velocity restarts from 0 after any gap.
 */
public final class EncoderIOPi4j implements EncoderIO, AutoCloseable {

  private final As5600Config config;
  private final NanoClock clock;
  private final I2cDevice device;
  private final byte[] frame = new byte[3];

  private boolean haveAngle;
  private boolean lastReadValid;
  private double angleRad;
  private double positionRad;
  private double velocityRadPerSec;
  private long sampleNanos;
  private long busErrorCount;
  private long magnetFaultCount;
  private long invalidFrameCount;

  /** Opens the AS5600 in {@code context}; uses the system clock. */
  public EncoderIOPi4j(Context context, As5600Config config) {
    this(context, config, NanoClock.SYSTEM);
  }

  /**
   * Opens the AS5600 in {@code context} (never creates one). Nothing is read yet: a missing chip
   * shows up in the first {@link #updateInputs}.
   *
   * @throws io.ganglion.drivers.InvalidInputException when Pi4J refuses the device (duplicate name)
   */
  public EncoderIOPi4j(Context context, As5600Config config, NanoClock clock) {
    this.config = config;
    this.clock = clock;
    this.device = I2cDevice.open(context, "as5600-" + config.name(), config.bus(), config.address(), config.mux());
  }

  /** The configuration this driver was built with. */
  public As5600Config config() {
    return config;
  }

  @Override
  public void updateInputs(EncoderInputs inputs) {
    long now = clock.nanoTime();
    inputs.timestampNanos = now;
    try {
      device.readRegister(As5600Registers.STATUS, frame, 0, 3);
    } catch (RuntimeException e) {
      busErrorCount++;
      lastReadValid = false;
      velocityRadPerSec = 0;
      publish(inputs, false, 0, DeviceFaults.BUS_ERROR);
      return;
    }
    int status = frame[0] & 0xFF;
    int high = frame[1] & 0xFF;
    if ((status & As5600Registers.STATUS_ZERO_BITS) != 0 || (high & 0xF0) != 0) {
      invalidFrameCount++;
      lastReadValid = false;
      velocityRadPerSec = 0;
      publish(inputs, true, 0, DeviceFaults.INVALID_FRAME);
      return;
    }
    int faults = 0;
    boolean detected = (status & As5600Registers.STATUS_MD) != 0;
    boolean outOfRange = (status & (As5600Registers.STATUS_ML | As5600Registers.STATUS_MH)) != 0;
    if (!detected) {
      faults |= DeviceFaults.MAGNET_NOT_DETECTED;
    }
    if (outOfRange) {
      faults |= DeviceFaults.MAGNET_OUT_OF_RANGE;
    }
    if (faults != 0) {
      magnetFaultCount++;
    }
    int raw = ((high & 0x0F) << 8) | (frame[2] & 0xFF);
    inputs.rawCounts = raw;
    if (detected) {
      double a = As5600Registers.wrapPi(config.direction()
          * (As5600Registers.rawToRad(raw) - config.zeroOffsetRad()));
      if (!haveAngle) {
        positionRad = a;
        velocityRadPerSec = 0;
        haveAngle = true;
      } else {
        double delta = As5600Registers.wrapPi(a - angleRad);
        positionRad += delta;
        long dt = now - sampleNanos;
        velocityRadPerSec = lastReadValid && dt > 0 ? delta / (dt * 1e-9) : 0.0;
      }
      angleRad = a;
      sampleNanos = now;
      lastReadValid = true;
    } else {
      lastReadValid = false;
      velocityRadPerSec = 0;
    }
    publish(inputs, true, status, faults);
    inputs.valid = detected;
  }

  private void publish(EncoderInputs inputs, boolean connected, int status, int faults) {
    inputs.connected = connected;
    inputs.valid = false;
    inputs.magnetDetected = (status & As5600Registers.STATUS_MD) != 0;
    inputs.magnetTooWeak = (status & As5600Registers.STATUS_ML) != 0;
    inputs.magnetTooStrong = (status & As5600Registers.STATUS_MH) != 0;
    inputs.faultFlags = faults;
    inputs.angleRad = angleRad;
    inputs.positionRad = positionRad;
    inputs.velocityRadPerSec = velocityRadPerSec;
    inputs.busErrorCount = busErrorCount;
    inputs.magnetFaultCount = magnetFaultCount;
    inputs.invalidFrameCount = invalidFrameCount;
    inputs.sampleTimestampNanos = sampleNanos;
  }

  /** Releases the Pi4J handles. */
  @Override
  public void close() {
    device.close();
  }
}
