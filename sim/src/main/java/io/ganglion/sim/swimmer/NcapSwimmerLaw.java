package io.ganglion.sim.swimmer;

import io.ganglion.controllers.fixed.Q16;
import io.ganglion.controllers.ncap.NcapCircuit;
import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.controllers.ncap.NcapInputs;
import io.ganglion.controllers.ncap.NcapOutputs;

/**
 * The fixed-point NCAP circuit ({@link NcapCircuit}, Q16.16) driving the simulated swimmer, as the
 * firmware runs it: joint angles in radians are converted to Q16.16, the circuit steps once per
 * control step, and its Q16.16 actions become the motor controls.
 */
public final class NcapSwimmerLaw implements SwimmerControlLaw {

  private final NcapCircuit circuit;
  private final NcapInputs inputs;
  private final NcapOutputs outputs;

  public NcapSwimmerLaw(NcapConfig config) {
    circuit = new NcapCircuit(config);
    inputs = circuit.newInputs();
    outputs = circuit.newOutputs();
  }

  /** The 4-shared-weight circuit for a swimmer with {@code joints} hinges. */
  public static NcapSwimmerLaw shared(int joints, double wProp, double wOsc, double wIpsi, double wContra) {
    return new NcapSwimmerLaw(NcapConfig.shared(joints, wProp, wOsc, wIpsi, wContra));
  }

  @Override
  public String name() {
    return "ncap";
  }

  @Override
  public void reset() {
    circuit.reset();
  }

  @Override
  public void control(long step, SwimmerState state, double[] ctrlOut) {
    int[] angles = inputs.jointAngleQ16;
    for (int i = 0; i < angles.length; i++) {
      angles[i] = Q16.fromDouble(SwimmerSensors.jointAngleRad(state, i));
    }
    circuit.step(inputs, outputs);
    int[] action = outputs.actionQ16;
    for (int i = 0; i < action.length; i++) {
      ctrlOut[i] = Q16.toDouble(action[i]);
    }
  }

  /** Fault flags of the last step (see {@code FaultFlags}). */
  public int lastFaultFlags() {
    return outputs.faultFlags;
  }
}
