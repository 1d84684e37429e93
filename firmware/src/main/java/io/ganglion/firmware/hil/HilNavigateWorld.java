package io.ganglion.firmware.hil;

import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.diffdrive.DiffDrivePhysics;
import io.ganglion.sim.diffdrive.DiffDriveState;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.sim.io.ImuIOSim;
import io.ganglion.sim.io.ServoIOSim;

/**
 * The differential-drive robot as a HIL world ({@code ganglion hil serve --world navigate --config
 * FILE}): one exchange per physics step ({@code sim.timestep_ms}, 1 ms by default): the wheel
 * encoders and the body IMU read with the same sim-backed IO as {@code ganglion sim navigate}, the
 * board's answer applied to the wheel commands through a {@link ServoIOSim} with the board file's
 * channels, then one step of {@link DiffDrivePhysics}. The board reads its sensors at its own task
 * rates from the latest frame, which holds the state at that instant, so the run matches {@code sim
 * navigate} with the same board file.
 */
public final class HilNavigateWorld implements HilWorld {

  private final DiffDriveState state;
  private final VirtualClock clock = new VirtualClock();
  private final EncoderIOSim[] encoders;
  private final EncoderInputs[] readings = {new EncoderInputs(), new EncoderInputs()};
  private final ImuIOSim imu;
  private final ImuInputs imuReading = new ImuInputs();
  private final ServoIOSim servo;
  private final double[] commands = new double[2];
  private final long stepNanos;

  /** A world for {@code board} (law drive, sim model diffdrive). */
  public HilNavigateWorld(BoardConfig board) {
    if (board.sim() == null || board.sim().diffdrive() == null || board.jointCount() != 2) {
      throw new io.ganglion.drivers.InvalidInputException("--world navigate needs a board file with sim.model diffdrive"
          + " and two wheels (e.g. firmware/examples/diffdrive.yaml)");
    }
    this.state = new DiffDriveState(board.sim().diffdrive());
    this.encoders = new EncoderIOSim[] {new EncoderIOSim(state, 0, clock), new EncoderIOSim(state, 1, clock)};
    this.imu = board.imu() == null ? null : new ImuIOSim(state, clock);
    this.servo = ServoIOSim.fromChannels(state.wheelCommand(), board.joints(), clock);
    this.stepNanos = Math.round(board.sim().diffdrive().timestepS() * 1e9);
  }

  @Override
  public String name() {
    return "navigate";
  }

  @Override
  public long stepNanos() {
    return stepNanos;
  }

  @Override
  public int sensorWords() {
    return HilSensorLayout.sensorWords(2, imu != null);
  }

  @Override
  public int actuatorWords() {
    return HilSensorLayout.actuatorWords(2);
  }

  @Override
  public int readSensors(long tNanos, double[] dest) {
    clock.sleepUntil(tNanos);
    encoders[0].updateInputs(readings[0]);
    encoders[1].updateInputs(readings[1]);
    if (imu != null) {
      imu.updateInputs(imuReading);
    }
    return HilSensorLayout.pack(readings, imu == null ? null : imuReading, dest);
  }

  @Override
  public boolean step(double[] actuators, int count) {
    if (count != 3) {
      throw new io.ganglion.drivers.GanglionException("HIL: the board answers " + (count - 1) + " commands; the robot has 2 wheels");
    }
    if (actuators[0] != 0) {
      servo.disableAll();
    } else {
      commands[0] = actuators[1];
      commands[1] = actuators[2];
      servo.apply(commands);
    }
    DiffDrivePhysics.step(state);
    return true;
  }

  /** The simulated robot. */
  public DiffDriveState state() {
    return state;
  }
}
