package io.ganglion.bench.fixed;

import io.ganglion.controllers.fixed.Phase;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Phase.sin (table, Q16.16 result) against Math.sin of the same angles in radians, over
 * {@value #N} random phases over the whole turn (seeded). Scores are per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PhaseBenchmark {

  static final int N = 1024;

  final int[] phases = new int[N];
  final double[] radians = new double[N];

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(43);
    for (int i = 0; i < N; i++) {
      phases[i] = random.nextInt();
      radians[i] = Phase.toRadians(phases[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void sinPhase(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(Phase.sin(phases[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void sinDouble(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(Math.sin(radians[i]));
    }
  }
}
