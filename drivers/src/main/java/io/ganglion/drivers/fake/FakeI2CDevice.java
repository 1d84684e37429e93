package io.ganglion.drivers.fake;

import com.pi4j.io.exception.IOException;
import io.ganglion.drivers.i2c.I2cChecks;
import java.util.SplittableRandom;

/**
 * A chip on a fake I2C bus, seen at the level of bus transactions: a write transaction delivers
 * the bytes the master sent (register pointer first, for register chips), a read transaction
 * asks for bytes. Subclasses model the chip's registers; this base adds the faults a real bus
 * shows, which the {@code XxxIOPi4j} drivers must survive:
 *
 * <ul>
 *   <li>{@link #setPresent(boolean) absent}: the address is not acknowledged (NACK), as when the
 *       chip is unplugged or unpowered;
 *   <li>{@link #setBusError(boolean) bus error} and {@link #failNextTransactions(int) transient
 *       errors}: the transaction fails with Pi4J's {@link IOException}, as linuxfs reports EIO;
 *   <li>{@link #injectGarbage(long) garbage}: reads return seeded random bytes (a corrupted bus).
 * </ul>
 *
 * <p>Methods are synchronized so that a simulation thread can move the physical inputs while the
 * loop thread reads; uncontended monitors do not allocate.
 */
public abstract class FakeI2CDevice {

  private final String chip;
  private final int address;
  private boolean present = true;
  private boolean busError;
  private int failNext;
  private SplittableRandom garbage;
  private long writeTransactions;
  private long readTransactions;
  private String location = "";

  protected FakeI2CDevice(String chip, int address) {
    if (address < 0 || address > 0x7F) {
      throw new IllegalArgumentException(chip + ": 7-bit address expected, got " + address);
    }
    this.chip = chip;
    this.address = address;
  }

  /** The chip's 7-bit address. */
  public final int address() {
    return address;
  }

  /** The chip's name, e.g. "PCA9685". */
  public final String chip() {
    return chip;
  }

  final synchronized void placedAt(String location) {
    this.location = location;
  }

  /** False: the chip no longer acknowledges its address (unplugged); true: it answers again. */
  public synchronized void setPresent(boolean present) {
    this.present = present;
  }

  /** Whether the chip acknowledges its address. */
  public synchronized boolean isPresent() {
    return present;
  }

  /** True: every transaction fails with an I/O error until set back to false. */
  public synchronized void setBusError(boolean busError) {
    this.busError = busError;
  }

  /** The next {@code n} transactions (reads or writes) fail with an I/O error. */
  public synchronized void failNextTransactions(int n) {
    this.failNext = n;
  }

  /** Reads return bytes from a {@code SplittableRandom(seed)} instead of register contents. */
  public synchronized void injectGarbage(long seed) {
    this.garbage = new SplittableRandom(seed);
  }

  /** Ends {@link #injectGarbage(long)}. */
  public synchronized void clearGarbage() {
    this.garbage = null;
  }

  /** Clears every injected fault (present, no bus error, no garbage). */
  public synchronized void clearFaults() {
    present = true;
    busError = false;
    failNext = 0;
    garbage = null;
  }

  /** Write transactions that reached the chip (failed ones excluded). */
  public synchronized long writeTransactions() {
    return writeTransactions;
  }

  /** Read transactions that reached the chip (failed ones excluded). */
  public synchronized long readTransactions() {
    return readTransactions;
  }

  /** Puts every register back to its power-on value, as a power glitch would. */
  public abstract void powerOnReset();

  /** A write transaction from the bus master: {@code data[offset..offset+length)}. */
  final synchronized void busWrite(byte[] data, int offset, int length) {
    checkFaults("write");
    writeTransactions++;
    onWrite(data, offset, length);
  }

  /** A read transaction from the bus master into {@code dest[offset..offset+length)}. */
  final synchronized void busRead(byte[] dest, int offset, int length) {
    checkFaults("read");
    readTransactions++;
    onRead(dest, offset, length);
    if (garbage != null) {
      for (int i = 0; i < length; i++) {
        dest[offset + i] = (byte) garbage.nextInt(256);
      }
    }
  }

  private void checkFaults(String what) {
    if (busError) {
      throw new IOException(describe() + ": " + what + " failed: bus error (injected)");
    }
    if (failNext > 0) {
      failNext--;
      throw new IOException(describe() + ": " + what + " failed: transient bus error (injected)");
    }
  }

  /** "PCA9685 at 0x40 on fake I2C bus 1". */
  public final String describe() {
    return chip + " at " + I2cChecks.hex(address) + location;
  }

  /** The chip's reaction to a write transaction (no faults to check here). */
  protected abstract void onWrite(byte[] data, int offset, int length);

  /** The chip's answer to a read transaction (no faults to check here). */
  protected abstract void onRead(byte[] dest, int offset, int length);
}
