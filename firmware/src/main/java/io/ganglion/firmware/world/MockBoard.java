package io.ganglion.firmware.world;

import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.fake.FakeAs5600;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.FakeBoards;
import io.ganglion.drivers.fake.FakeMpu6050;
import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.firmware.board.Pi4jRobotIo;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.SimConfig;
import io.ganglion.firmware.core.RobotIo;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole board on a laptop: register-level fakes of every chip of a board file behind a Pi4J
 * context ({@link FakeBoards#forDevices}), the same Pi4J drivers as on the robot
 * ({@link Pi4jRobotIo}), and the {@link MockWorld} that couples the fakes to the board file's
 * {@code sim} model (swimmer, diffdrive, or a still bench).
 */
public final class MockBoard {

  private final FakeBoard fakes;
  private final RobotIo io;
  private final MockWorld world;

  private MockBoard(FakeBoard fakes, RobotIo io, MockWorld world) {
    this.fakes = fakes;
    this.io = io;
    this.world = world;
  }

  /**
   * Builds the fakes, opens the drivers on them and the world.
   *
   * @param clock the loop's clock (the fakes and drivers follow it)
   * @param seed seed of the fake IMU's noise
   */
  public static MockBoard create(BoardConfig config, NanoClock clock, long seed) {
    FakeBoard fakes = FakeBoards.forDevices(clock, config.deviceConfigs());
    RobotIo io;
    try {
      io = Pi4jRobotIo.open(fakes.context(), config, clock, List.of(fakes));
    } catch (RuntimeException e) {
      fakes.close();
      throw e;
    }
    FakePca9685 pwm = fakes.fake(config.pwm().name(), FakePca9685.class);
    List<FakeAs5600> encoders = new ArrayList<>();
    for (As5600Config c : config.encoders()) {
      encoders.add(fakes.fake(c.name(), FakeAs5600.class));
    }
    FakeMpu6050 imu = config.imu() == null ? null : fakes.fake(config.imu().name(), FakeMpu6050.class);
    SimConfig sim = config.sim();
    MockWorld world;
    if (sim == null) {
      world = new BenchMockWorld(imu, seed);
    } else if (sim.swimmer() != null) {
      world = new SwimmerMockWorld(sim.swimmer(), pwm, config.joints(), encoders, config.encoders(), imu, seed);
    } else {
      world = new DiffDriveMockWorld(sim.diffdrive(), pwm, config.joints(), encoders, config.encoders(), imu, seed);
    }
    return new MockBoard(fakes, io, world);
  }

  /** The chip fakes (to inspect registers or inject faults). */
  public FakeBoard fakes() {
    return fakes;
  }

  /** The drivers; closing it closes the fakes' context too. */
  public RobotIo io() {
    return io;
  }

  /** The world task to add to the firmware. */
  public MockWorld world() {
    return world;
  }
}
