package io.ganglion.controllers.ncap;

import io.ganglion.testkit.AllocationMeter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fixed-point step is a hot path: it allocates nothing, on good data and on faulty data. */
class NcapCircuitAllocationFreeTest {

  @Test
  void defaultCircuitStepAllocatesNothing() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.defaults(5));
    NcapInputs in = circuit.newInputs();
    NcapTestSupport.randomInputs(new SplittableRandom(1), 6, in);
    NcapOutputs out = circuit.newOutputs();
    AllocationMeter.assertAllocationFree("NcapCircuit.step (5 joints, shared)", () -> circuit.step(in, out));
  }

  @Test
  void unsharedCircuitWithTaskUnitsStepAllocatesNothing() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.builder(49).layout(NcapConfig.Layout.UNSHARED)
        .speedUnit(true).turnUnit(true).build());
    NcapInputs in = circuit.newInputs();
    NcapTestSupport.randomInputs(new SplittableRandom(2), 50, in);  // includes out-of-range values
    NcapOutputs out = circuit.newOutputs();
    AllocationMeter.assertAllocationFree("NcapCircuit.step (49 joints, unshared, speed+turn)",
        () -> circuit.step(in, out));
  }

  @Test
  void shapeMismatchStepAllocatesNothing() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.defaults(5));
    NcapInputs wrong = new NcapInputs(4);
    NcapOutputs out = circuit.newOutputs();
    AllocationMeter.assertAllocationFree("NcapCircuit.step (shape mismatch)", () -> circuit.step(wrong, out));
  }
}
