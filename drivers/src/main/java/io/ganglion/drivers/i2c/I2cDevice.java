package io.ganglion.drivers.i2c;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import io.ganglion.drivers.InvalidInputException;

/**
 * One chip on an I2C bus, opened through the Pi4J {@link Context} it is given (linuxfs on a
 * board, the fakes with {@code --mock}), optionally behind a TCA9548A mux channel.
 *
 * <p>All transfers use Pi4J's offset/length variants into caller-owned arrays, so this class
 * allocates nothing per call; whether the Pi4J provider underneath allocates is the provider's
 * business (see docs/drivers.md: linuxfs 2.8.0 does). Errors propagate as the provider's
 * unchecked exceptions; the drivers catch them and turn them into fault flags.
 *
 * <p>Not thread-safe: one loop thread talks to a bus.
 */
public final class I2cDevice implements AutoCloseable {

  private final Context context;
  private final I2C i2c;
  private final I2C mux;
  private final byte muxMask;
  private final byte[] one = new byte[1];
  private final String description;

  private I2cDevice(Context context, I2C i2c, I2C mux, int muxMask, String description) {
    this.context = context;
    this.i2c = i2c;
    this.mux = mux;
    this.muxMask = (byte) muxMask;
    this.description = description;
  }

  /**
   * Opens {@code address} on {@code bus} with the Pi4J id {@code id} (and {@code id + "-mux"} for
   * the mux handle when {@code muxChannel} is not null).
   *
   * @throws InvalidInputException when Pi4J refuses (duplicate id, no I2C provider, no such bus)
   */
  public static I2cDevice open(Context context, String id, int bus, int address, I2cMuxChannel muxChannel) {
    String description = "I2C bus " + bus + " address " + I2cChecks.hex(address)
        + (muxChannel == null ? "" : " behind TCA9548A " + I2cChecks.hex(muxChannel.address())
            + " channel " + muxChannel.channel());
    I2C mux = null;
    try {
      if (muxChannel != null) {
        mux = context.create(I2C.newConfigBuilder(context).id(id + "-mux").name(id + " mux")
            .bus(bus).device(muxChannel.address()).build());
      }
      I2C i2c = context.create(I2C.newConfigBuilder(context).id(id).name(id).bus(bus).device(address).build());
      return new I2cDevice(context, i2c, mux, muxChannel == null ? 0 : muxChannel.controlMask(), description);
    } catch (RuntimeException e) {
      if (mux != null) {
        shutdownQuietly(context, id + "-mux");
      }
      throw new InvalidInputException("cannot open " + id + " on " + description + ": " + e.getMessage()
          + " (device names must be unique; on a laptop use --mock)", e);
    }
  }

  /** Where the chip sits, for messages. */
  public String description() {
    return description;
  }

  /** Selects the mux channel (when there is a mux); every transfer below does it first. */
  private void selectMux() {
    if (mux != null) {
      int n = mux.write(muxMask);
      if (n != 1) {
        throw new I2cTransferException(description + ": mux select wrote " + n + " of 1 byte");
      }
    }
  }

  /** Reads {@code length} bytes starting at register {@code register} into {@code dest[offset..]}. */
  public void readRegister(int register, byte[] dest, int offset, int length) {
    selectMux();
    int n = i2c.readRegister(register, dest, offset, length);
    if (n != length) {
      throw new I2cTransferException(description + ": read " + n + " of " + length + " bytes at register "
          + I2cChecks.hex(register));
    }
  }

  /** Writes {@code src[offset..offset+length)} starting at register {@code register}. */
  public void writeRegister(int register, byte[] src, int offset, int length) {
    selectMux();
    int n = i2c.writeRegister(register, src, offset, length);
    // linuxfs counts the register byte in the returned length, the fakes and mock do not.
    if (n != length && n != length + 1) {
      throw new I2cTransferException(description + ": wrote " + n + " of " + length + " bytes at register "
          + I2cChecks.hex(register));
    }
  }

  /** Writes one byte to register {@code register}. */
  public void writeRegisterByte(int register, int value) {
    one[0] = (byte) value;
    writeRegister(register, one, 0, 1);
  }

  /** Reads one byte (0..255) from register {@code register}. */
  public int readRegisterByte(int register) {
    readRegister(register, one, 0, 1);
    return one[0] & 0xFF;
  }

  /** Shuts the Pi4J handles down and removes them from the context's registry. */
  @Override
  public void close() {
    shutdownQuietly(context, i2c.id());
    if (mux != null) {
      shutdownQuietly(context, mux.id());
    }
  }

  private static void shutdownQuietly(Context context, String id) {
    try {
      if (context.registry().exists(id)) {
        context.shutdown(id);
      }
    } catch (RuntimeException ignored) {
      // closing is best effort: the context may already be shut down
    }
  }
}
