package io.ganglion.firmware.law;

import io.ganglion.controllers.fixed.Q16;
import io.ganglion.controllers.ncap.NcapCircuit;
import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.controllers.ncap.NcapInputs;
import io.ganglion.controllers.ncap.NcapOutputs;

/**
 * The NCAP swimmer circuit ({@link NcapCircuit}, Q16.16) as a firmware law. The firmware side of
 * the unit conversions lives here, not in the circuit:
 *
 * <pre>
 *   in:   jointAngleQ16_i = round(jointAngleRad_i 2^16)      (Q16.fromDouble: nearest, ties toward +infinity)
 *         speedQ16 = round(speed 2^16), turn*Q16 likewise     (commands from {@link #setSpeed}/{@link #setTurn})
 *   out:  command_i = actionQ16_i / 2^16                     (exact; in [-1, 1], the PWM channel's unit)
 * </pre>
 *
 * Joint i of the board is joint i of the circuit (joint 0 next to the head). The encoder angles
 * must be finite (the controller task checks) and within +-pi (wrapped by the encoder driver);
 * the circuit flags anything else. With the same angles, this law computes exactly what
 * {@code io.ganglion.sim.swimmer.NcapSwimmerLaw} computes in the simulator.
 */
public final class NcapLaw implements ControlLaw {

  private final NcapCircuit circuit;
  private final NcapInputs inputs;
  private final NcapOutputs outputs;
  private final int joints;
  private volatile double speed = 1.0;
  private volatile double turnRight;
  private volatile double turnLeft;

  public NcapLaw(NcapConfig config) {
    circuit = new NcapCircuit(config);
    inputs = circuit.newInputs();
    outputs = circuit.newOutputs();
    joints = config.jointCount();
  }

  /** The circuit's configuration. */
  public NcapConfig config() {
    return circuit.config();
  }

  @Override
  public String name() {
    return "ncap";
  }

  @Override
  public int commandCount() {
    return joints;
  }

  @Override
  public void reset() {
    circuit.reset();
  }

  /** Speed command in [0, 1] (read only when the circuit has a speed unit); callable from any thread. */
  public void setSpeed(double speed) {
    this.speed = speed;
  }

  /** Turn commands in [0, 1] (read only with turn units); callable from any thread. */
  public void setTurn(double right, double left) {
    this.turnRight = right;
    this.turnLeft = left;
  }

  @Override
  public int step(LawInputs in, double[] commands) {
    int[] angles = inputs.jointAngleQ16;
    double[] rad = in.jointAngleRad;
    for (int i = 0; i < joints; i++) {
      angles[i] = Q16.fromDouble(rad[i]);
    }
    inputs.speedQ16 = Q16.fromDouble(speed);
    inputs.turnRightQ16 = Q16.fromDouble(turnRight);
    inputs.turnLeftQ16 = Q16.fromDouble(turnLeft);
    circuit.step(inputs, outputs);
    int[] action = outputs.actionQ16;
    for (int i = 0; i < joints; i++) {
      commands[i] = Q16.toDouble(action[i]);
    }
    return outputs.faultFlags;
  }
}
