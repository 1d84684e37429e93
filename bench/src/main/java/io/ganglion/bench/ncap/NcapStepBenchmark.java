package io.ganglion.bench.ncap;

import io.ganglion.controllers.fixed.Q16;
import io.ganglion.controllers.ncap.NcapCircuit;
import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.controllers.ncap.NcapInputs;
import io.ganglion.controllers.ncap.NcapOutputs;
import io.ganglion.controllers.ncap.NcapReference;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one NCAP control step: the fixed-point firmware law ({@link NcapCircuit}) against its
 * double-precision reference ({@link NcapReference}) as the baseline, on the same inputs, at 5
 * joints (swimmer6), 14 and 49. Inputs cycle through 64 preallocated angle vectors (joint angles
 * within +-1.2 joint limits), so branches see realistic data. Goal: &lt;= 100 ns per step at 5 joints,
 * 0 B/op with {@code -prof gc}. Command and results: docs/benchmarks.md, "NCAP step".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NcapStepBenchmark {

  private static final int VECTORS = 64;

  @Param({"5", "14", "49"})
  public int joints;

  @Param({"shared4", "unshared+speed+turn"})
  public String variant;

  private NcapCircuit circuit;
  private NcapReference reference;
  private NcapInputs[] inputs;
  private double[][] anglesRad;
  private NcapOutputs out;
  private double[] actionRef;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    NcapConfig config = "shared4".equals(variant)
        ? NcapConfig.defaults(joints)
        : NcapConfig.builder(joints).layout(NcapConfig.Layout.UNSHARED).speedUnit(true).turnUnit(true).build();
    circuit = new NcapCircuit(config);
    reference = new NcapReference(config);
    out = circuit.newOutputs();
    actionRef = new double[joints];
    inputs = new NcapInputs[VECTORS];
    anglesRad = new double[VECTORS][joints];
    SplittableRandom rnd = new SplittableRandom(17);
    double limitRad = 2 * Math.PI / config.bodyCount();
    for (int v = 0; v < VECTORS; v++) {
      inputs[v] = circuit.newInputs();
      for (int i = 0; i < joints; i++) {
        anglesRad[v][i] = Q16.toDouble(Q16.fromDouble((rnd.nextDouble() * 2.4 - 1.2) * limitRad));
      }
      inputs[v].setJointAnglesRad(anglesRad[v]);
      inputs[v].speedQ16 = Q16.fromDouble(0.8);
      inputs[v].turnRightQ16 = Q16.fromDouble(0.1);
    }
  }

  /** The fixed-point law; returns one action so the work cannot be eliminated. */
  @Benchmark
  public int fixedPointCircuit() {
    circuit.step(inputs[next++ & (VECTORS - 1)], out);
    return out.actionQ16[joints - 1] + out.faultFlags;
  }

  /** The double reference on the same inputs: the baseline. */
  @Benchmark
  public double doubleReference() {
    reference.step(anglesRad[next++ & (VECTORS - 1)], 0.8, 0.1, 0.0, actionRef);
    return actionRef[joints - 1];
  }
}
