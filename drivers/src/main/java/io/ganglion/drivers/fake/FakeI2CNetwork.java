package io.ganglion.drivers.fake;

import com.pi4j.io.exception.IOException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.i2c.I2cChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wiring of the fake I2C buses: which chip answers which address on which bus, directly or
 * behind a {@link FakeTca9548a} channel. {@link FakeI2CBus} routes every transaction through
 * {@link #route}: a direct chip that is present answers; otherwise a chip behind an enabled mux
 * channel; otherwise the address is not acknowledged (Pi4J {@link IOException} "NACK"), as
 * Linux reports ENXIO/EREMOTEIO for a missing chip. Two chips answering the same address (a
 * wiring mistake) fail the transaction too.
 *
 * <p>Wiring is done before or while the loop runs; routing allocates nothing.
 */
public final class FakeI2CNetwork {

  /** One bus: 128 direct slots and the muxes with their 8 x 128 downstream slots. */
  static final class Segment {
    final int bus;
    final FakeI2CDevice[] direct = new FakeI2CDevice[128];
    volatile FakeTca9548a[] muxes = new FakeTca9548a[0];
    volatile FakeI2CDevice[][][] downstream = new FakeI2CDevice[0][][];

    Segment(int bus) {
      this.bus = bus;
    }

    FakeI2CDevice route(int address) {
      FakeI2CDevice d = direct[address];
      if (d != null && d.isPresent()) {
        return d;
      }
      FakeI2CDevice found = null;
      FakeTca9548a[] m = muxes;
      FakeI2CDevice[][][] down = downstream;
      for (int i = 0; i < m.length; i++) {
        for (int ch = 0; ch < 8; ch++) {
          FakeI2CDevice behind = down[i][ch][address];
          if (behind != null && behind.isPresent() && m[i].channelEnabled(ch)) {
            if (found != null) {
              throw new IOException("fake I2C bus " + bus + ": two chips answer address " + I2cChecks.hex(address)
                  + " (" + found.describe() + " and " + behind.describe() + "); enable one mux channel at a time");
            }
            found = behind;
          }
        }
      }
      if (found == null) {
        throw new IOException("fake I2C bus " + bus + ": NACK, no chip acknowledged address " + I2cChecks.hex(address));
      }
      return found;
    }
  }

  private final Map<Integer, Segment> segments = new HashMap<>();
  private final List<FakeI2CDevice> all = new ArrayList<>();

  /** Puts {@code device} directly on {@code bus}; returns it. */
  public synchronized <T extends FakeI2CDevice> T attach(int bus, T device) {
    I2cChecks.bus("fake " + device.chip(), bus);
    Segment s = segment(bus);
    int a = device.address();
    if (s.direct[a] != null) {
      throw new InvalidInputException("fake I2C bus " + bus + ": address " + I2cChecks.hex(a) + " is taken by "
          + s.direct[a].describe() + "; give each chip its own address or put it behind a mux");
    }
    s.direct[a] = device;
    device.placedAt(" on fake I2C bus " + bus);
    if (device instanceof FakeTca9548a) {
      FakeTca9548a mux = (FakeTca9548a) device;
      FakeTca9548a[] m = java.util.Arrays.copyOf(s.muxes, s.muxes.length + 1);
      m[m.length - 1] = mux;
      FakeI2CDevice[][][] d = java.util.Arrays.copyOf(s.downstream, s.downstream.length + 1);
      d[d.length - 1] = new FakeI2CDevice[8][128];
      s.downstream = d;
      s.muxes = m;
    }
    all.add(device);
    return device;
  }

  /** Puts {@code device} behind channel {@code channel} of {@code mux} (already attached to {@code bus}). */
  public synchronized <T extends FakeI2CDevice> T attachBehindMux(int bus, FakeTca9548a mux, int channel, T device) {
    Segment s = segment(bus);
    int index = -1;
    for (int i = 0; i < s.muxes.length; i++) {
      if (s.muxes[i] == mux) {
        index = i;
      }
    }
    if (index < 0) {
      throw new InvalidInputException("fake TCA9548A " + I2cChecks.hex(mux.address()) + " is not attached to fake I2C bus "
          + bus + "; attach the mux first");
    }
    if (channel < 0 || channel > 7) {
      throw new InvalidInputException("fake TCA9548A " + I2cChecks.hex(mux.address()) + ": channel " + channel
          + " is out of range 0..7");
    }
    FakeI2CDevice[] slots = s.downstream[index][channel];
    int a = device.address();
    if (slots[a] != null) {
      throw new InvalidInputException("fake TCA9548A " + I2cChecks.hex(mux.address()) + " channel " + channel
          + ": address " + I2cChecks.hex(a) + " is taken by " + slots[a].describe());
    }
    slots[a] = device;
    device.placedAt(" on fake I2C bus " + bus + " behind TCA9548A " + I2cChecks.hex(mux.address())
        + " channel " + channel);
    all.add(device);
    return device;
  }

  /** The chip directly on {@code bus} at {@code address}, or null. */
  public synchronized FakeI2CDevice directDevice(int bus, int address) {
    Segment s = segments.get(bus);
    return s == null ? null : s.direct[address];
  }

  /** Every attached chip, in attach order. */
  public synchronized List<FakeI2CDevice> devices() {
    return List.copyOf(all);
  }

  synchronized Segment segment(int bus) {
    return segments.computeIfAbsent(bus, Segment::new);
  }
}
