package io.ganglion.bench.fixed;

import io.ganglion.controllers.fixed.Q16;
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
 * Q16.16 mul, div and mulAdd against the same operations on double, over the same {@value #N}
 * operands (random, seeded, in [-8, 8], divisors away from 0), each result consumed by the
 * Blackhole so nothing is folded or eliminated. Scores are per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Q16Benchmark {

  static final int N = 1024;

  final int[] a = new int[N];
  final int[] b = new int[N];
  final int[] c = new int[N];
  final double[] da = new double[N];
  final double[] db = new double[N];
  final double[] dc = new double[N];

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < N; i++) {
      da[i] = random.nextDouble(-8, 8);
      db[i] = random.nextDouble(0.25, 8) * (random.nextBoolean() ? 1 : -1);
      dc[i] = random.nextDouble(-8, 8);
      a[i] = Q16.fromDouble(da[i]);
      b[i] = Q16.fromDouble(db[i]);
      c[i] = Q16.fromDouble(dc[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void mulQ16(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(Q16.mul(a[i], b[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void mulDouble(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(da[i] * db[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void divQ16(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(Q16.div(a[i], b[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void divDouble(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(da[i] / db[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void mulAddQ16(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(Q16.mulAdd(c[i], a[i], b[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void mulAddDouble(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(dc[i] + da[i] * db[i]);
    }
  }
}
