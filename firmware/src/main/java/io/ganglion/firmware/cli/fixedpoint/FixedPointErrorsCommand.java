package io.ganglion.firmware.cli.fixedpoint;

import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.firmware.cli.support.Summary;

import io.ganglion.controllers.fixed.FixedPointErrorSweep;
import io.ganglion.controllers.fixed.FixedPointErrorSweep.Row;
import io.ganglion.drivers.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ganglion fixed-point errors}: the maximum absolute error of every fixed-point function
 * against its double counterpart, measured by {@link FixedPointErrorSweep} (the table of
 * docs/fixed-point.md). JSON keys: {@code functions} (a list of {@code function}, {@code domain},
 * {@code points}, {@code max_abs_error}, {@code at_input}), {@code exp_relative_error} (the same
 * keys, with {@code max_rel_error}), {@code phase_stride}, {@code samples}, {@code seed}.
 */
@Command(
    name = "errors",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Measure the maximum absolute error of each fixed-point function against Math/double:",
      "exp, sigmoid, tanh over every non-saturating Q16.16 input; sin, cos over every Nth phase",
      "plus all table nodes and midpoints; Q16 ops over seeded random and edge inputs (exact integer errors)."
    })
public final class FixedPointErrorsCommand implements Callable<Integer> {

  @Mixin JsonOption json;

  @Option(names = "--phase-stride", paramLabel = "N", defaultValue = "" + FixedPointErrorSweep.DEFAULT_PHASE_STRIDE,
      description = "Check every Nth phase for sin/cos (default: ${DEFAULT-VALUE}, about 1 s; 1 checks all 2^32 phases, about 5 min).")
  int phaseStride;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "" + FixedPointErrorSweep.DEFAULT_RANDOM_SAMPLES,
      description = "Random inputs per Q16 operation (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + FixedPointErrorSweep.DEFAULT_SEED,
      description = "Seed of the random inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (phaseStride < 1) {
      throw new InvalidInputException("--phase-stride must be at least 1 (1 = every phase), got " + phaseStride);
    }
    if (samples < 1) {
      throw new InvalidInputException("--samples must be at least 1 (random inputs per Q16 operation), got " + samples);
    }
    System.err.println("fixed-point errors: sweeping (phase stride " + phaseStride + ", " + samples + " random inputs per op)...");
    List<Row> rows = FixedPointErrorSweep.all(phaseStride, samples, seed);
    Row relative = FixedPointErrorSweep.expRelative();

    Summary summary = new Summary();
    List<Map<String, Object>> functions = new ArrayList<>();
    summary.line("%-18s %-60s %12s %14s  %s", "function", "domain", "points", "max |error|", "at input");
    for (Row row : rows) {
      functions.add(json(row, "max_abs_error"));
      summary.line("%-18s %-60s %12d %14.6e  %s", row.function(), row.domain(), row.points(), row.maxAbsError(), row.atInput());
    }
    summary.line("");
    summary.line("%-18s %-60s %12d %14.6e  %s", "exp relative", relative.domain(), relative.points(), relative.maxAbsError(), relative.atInput());
    summary.put("functions", functions);
    summary.put("exp_relative_error", json(relative, "max_rel_error"));
    summary.put("phase_stride", phaseStride);
    summary.put("samples", samples);
    summary.put("seed", seed);
    summary.print(System.out, json.enabled());
    return 0;
  }

  private static Map<String, Object> json(Row row, String errorKey) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("function", row.function());
    m.put("domain", row.domain());
    m.put("points", row.points());
    m.put(errorKey, row.maxAbsError());
    m.put("at_input", row.atInput());
    return m;
  }
}
