package io.ganglion.firmware.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks across sections: unique device names, one joint per PWM channel, one GPIO line per
 * function, and no two I2C chips that answer the same address at the same time (directly on a
 * bus, behind one mux channel, or behind two muxes of one bus, since a TCA9548A keeps its channel
 * enabled while the driver talks to the other mux).
 */
final class BoardChecks {

  private record I2cDevice(int bus, int address, int mux, int channel, String path, String what) {
    boolean direct() {
      return mux < 0;
    }
  }

  private final ConfigErrors errors;
  private final DeviceSections d;

  BoardChecks(ConfigErrors errors, DeviceSections devices) {
    this.errors = errors;
    this.d = devices;
  }

  void check() {
    names();
    channels();
    pins();
    i2c();
  }

  private void names() {
    Map<String, String> seen = new HashMap<>();
    for (DeviceSections.Named n : d.names) {
      String first = seen.putIfAbsent(n.name(), n.path());
      if (first != null) {
        errors.add(n.path(), "'" + n.name() + "' is already the name at " + first
            + "; device names must be unique (they name the drivers' Pi4J devices)");
      }
    }
  }

  private void channels() {
    Map<Integer, String> seen = new HashMap<>();
    for (DeviceSections.Joint j : d.joints) {
      if (j.channel == null) {
        continue;
      }
      String first = seen.putIfAbsent(j.channel, j.path);
      if (first != null) {
        errors.add(j.path + ".channel", "PWM channel " + j.channel + " is already used by " + first
            + "; each joint needs its own channel 0..15");
      }
    }
  }

  private void pins() {
    if (d.estop != null && d.statusLed != null && d.estop.pin() == d.statusLed.pin()) {
      errors.add("status_led.pin", "BCM " + d.statusLed.pin() + " is already the e-stop input (estop.pin); use another GPIO");
    }
  }

  private void i2c() {
    List<I2cDevice> devices = new ArrayList<>();
    if (d.pwmBus != null && d.pwmAddress != null) {
      devices.add(new I2cDevice(d.pwmBus, d.pwmAddress, -1, -1, "pwm.address", "the PCA9685 (pwm)"));
    }
    if (d.imu != null) {
      devices.add(new I2cDevice(d.imu.bus(), d.imu.address(), -1, -1, "imu.address", "the MPU-6050 (imu)"));
    }
    Map<String, Boolean> muxes = new HashMap<>();
    for (DeviceSections.Joint j : d.joints) {
      if (j.encoderBus == null || j.encoderAddress == null) {
        continue;
      }
      if (j.muxAddress != null && j.muxChannel != null) {
        if (muxes.putIfAbsent(j.encoderBus + "/" + j.muxAddress, Boolean.TRUE) == null) {
          devices.add(new I2cDevice(j.encoderBus, j.muxAddress, -1, -1, j.encoderPath + ".mux.address",
              "the TCA9548A mux " + YamlObject.hex(j.muxAddress)));
        }
        devices.add(new I2cDevice(j.encoderBus, j.encoderAddress, j.muxAddress, j.muxChannel, j.encoderPath,
            "the encoder of " + j.path));
      } else if (j.muxAddress == null) {
        devices.add(new I2cDevice(j.encoderBus, j.encoderAddress, -1, -1, j.encoderPath, "the encoder of " + j.path));
      }
    }
    for (int i = 0; i < devices.size(); i++) {
      I2cDevice b = devices.get(i);
      for (int k = 0; k < i; k++) {
        I2cDevice a = devices.get(k);
        if (a.bus() != b.bus() || a.address() != b.address()) {
          continue;
        }
        String at = YamlObject.hex(b.address()) + " on bus " + b.bus();
        if (a.direct() && b.direct()) {
          errors.add(b.path(), at + " is already used by " + a.what() + "; give one of them another address or bus");
        } else if (a.direct() || b.direct()) {
          I2cDevice muxed = a.direct() ? b : a;
          I2cDevice plain = a.direct() ? a : b;
          errors.add(b.path(), plain.what() + " directly on the bus and " + muxed.what() + " behind mux "
              + YamlObject.hex(muxed.mux()) + " channel " + muxed.channel() + " share " + at
              + ": both answer while that channel is enabled; change an address or a bus");
        } else if (a.mux() == b.mux() && a.channel() == b.channel()) {
          errors.add(b.path(), at + " behind mux " + YamlObject.hex(b.mux()) + " channel " + b.channel()
              + " is already used by " + a.what() + "; use another mux channel");
        } else if (a.mux() != b.mux()) {
          errors.add(b.path(), at + " behind mux " + YamlObject.hex(b.mux()) + " and " + a.what() + " behind mux "
              + YamlObject.hex(a.mux()) + " on one bus: a mux keeps its channel enabled while the other is used, so both"
              + " chips answer; put them behind one mux or on separate buses");
        }
        break;
      }
    }
  }
}
