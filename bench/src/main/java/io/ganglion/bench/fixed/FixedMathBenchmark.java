package io.ganglion.bench.fixed;

import io.ganglion.controllers.fixed.FixedMath;
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
 * FixedMath exp, sigmoid and tanh (tables, Q16.16) against Math.exp, 1 / (1 + Math.exp(-x)) and
 * Math.tanh on the same inputs, {@value #N} random inputs each (seeded) spread over the function's
 * non-saturating range (exp [-12, 10.39], sigmoid [-14, 14], tanh [-7, 7]). Scores are per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FixedMathBenchmark {

  static final int N = 1024;

  final int[] expX = new int[N];
  final int[] sigmoidX = new int[N];
  final int[] tanhX = new int[N];
  final double[] expD = new double[N];
  final double[] sigmoidD = new double[N];
  final double[] tanhD = new double[N];

  @Setup
  public void setup() {
    SplittableRandom random = new SplittableRandom(44);
    for (int i = 0; i < N; i++) {
      expX[i] = random.nextInt(FixedMath.EXP_ZERO_BELOW, FixedMath.EXP_SATURATION_INPUT);
      sigmoidX[i] = random.nextInt(-FixedMath.SIGMOID_SATURATION_INPUT, FixedMath.SIGMOID_SATURATION_INPUT);
      tanhX[i] = random.nextInt(-FixedMath.TANH_SATURATION_INPUT, FixedMath.TANH_SATURATION_INPUT);
      expD[i] = Q16.toDouble(expX[i]);
      sigmoidD[i] = Q16.toDouble(sigmoidX[i]);
      tanhD[i] = Q16.toDouble(tanhX[i]);
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void expFixed(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(FixedMath.exp(expX[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void expDouble(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(Math.exp(expD[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void sigmoidFixed(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(FixedMath.sigmoid(sigmoidX[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void sigmoidDouble(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(1.0 / (1.0 + Math.exp(-sigmoidD[i])));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void tanhFixed(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(FixedMath.tanh(tanhX[i]));
    }
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void tanhDouble(Blackhole bh) {
    for (int i = 0; i < N; i++) {
      bh.consume(Math.tanh(tanhD[i]));
    }
  }
}
