package io.ganglion.bench.swimmer;

import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerPhysics;
import io.ganglion.sim.swimmer.SwimmerState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One physics step of the swimmer (0.002 s) with controls that keep the joints moving and often
 * in their soft limits, so the limit solver is exercised. Compare with MuJoCo through
 * {@code ganglion bench swimmer}; here: cost per step and, with {@code -prof gc}, 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SwimmerStepBenchmark {

  @Param({"3", "6", "15", "50"})
  public int links;

  private SwimmerState state;
  private long step;

  @Setup(Level.Trial)
  public void setUp() {
    state = new SwimmerState(SwimmerModel.dmControl(links));
  }

  @Benchmark
  public double physicsStep() {
    long t = step++;
    double[] ctrl = state.ctrl();
    for (int i = 0; i < ctrl.length; i++) {
      // square waves travelling along the body: large motions that reach the joint limits
      ctrl[i] = ((t / 450 + i) & 1) == 0 ? 1.0 : -1.0;
    }
    if (state.nonFinite()) {
      state.reset();
    }
    SwimmerPhysics.step(state);
    return state.qpos()[0];
  }
}
