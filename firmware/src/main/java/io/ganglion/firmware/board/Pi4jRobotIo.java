package io.ganglion.firmware.board;

import com.pi4j.context.Context;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.encoder.EncoderIOPi4j;
import io.ganglion.drivers.gpio.EStopIOPi4j;
import io.ganglion.drivers.gpio.StatusLedIOPi4j;
import io.ganglion.drivers.imu.ImuIOPi4j;
import io.ganglion.drivers.servo.ServoIOPi4j;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.core.RobotIo;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the Pi4J drivers a board file describes, in a given Pi4J {@link Context}: the real board's
 * ({@code Pi4jContexts.raspberryPi()}) or a fake board's ({@code FakeBoards.forDevices(...)}
 * for {@code --mock}). The drivers are stamped with the loop's clock.
 */
public final class Pi4jRobotIo {

  private Pi4jRobotIo() {}

  /**
   * Opens every device of {@code config} in {@code context}. The returned {@link RobotIo} closes
   * the drivers, then each of {@code extraResources} (e.g. the context owner), last first.
   *
   * @throws io.ganglion.drivers.InvalidInputException when a device cannot be opened (drivers
   *     already opened are closed first)
   */
  public static RobotIo open(Context context, BoardConfig config, NanoClock clock, List<AutoCloseable> extraResources) {
    List<AutoCloseable> opened = new ArrayList<>(extraResources);
    try {
      ServoIOPi4j servo = add(opened, new ServoIOPi4j(context, config.pwm(), clock));
      List<EncoderIOPi4j> encoders = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (As5600Config c : config.encoders()) {
        encoders.add(add(opened, new EncoderIOPi4j(context, c, clock)));
        names.add(c.name());
      }
      ImuIOPi4j imu = config.imu() == null ? null : add(opened, new ImuIOPi4j(context, config.imu(), clock));
      EStopIOPi4j estop = add(opened, new EStopIOPi4j(context, config.estop(), clock));
      StatusLedIOPi4j led = config.statusLed() == null ? null : add(opened, new StatusLedIOPi4j(context, config.statusLed()));
      return new RobotIo(servo, config.pwm().name(), encoders, names, imu, config.imu() == null ? "" : config.imu().name(),
          estop, config.estop().name(), led, opened);
    } catch (RuntimeException e) {
      for (int i = opened.size() - 1; i >= 0; i--) {
        try {
          opened.get(i).close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static <T extends AutoCloseable> T add(List<AutoCloseable> list, T resource) {
    list.add(resource);
    return resource;
  }
}
