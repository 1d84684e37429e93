package io.ganglion.firmware.cli.telemetry;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.telemetry.fuzz.FuzzReport;
import io.ganglion.telemetry.fuzz.FuzzRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ganglion telemetry fuzz}: random and malformed payloads through a broker, counters compared. */
@Command(
    name = "fuzz",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Send seeded random and malformed payloads on every topic a board and a monitor subscribe to (status,",
      "telemetry binary and JSON, events, cmd/*, and topics outside the scheme) through the broker, to an in-process",
      "board (robots/fuzz-board) and monitor. Passes when nothing throws, every message arrives, every valid one",
      "decodes and the rejection counters equal the malformed messages sent, reason by reason. Exit 1 otherwise."
    },
    footer = {"", "Examples:",
      "  ganglion telemetry fuzz --broker tcp://127.0.0.1:1883 --messages 100000",
      "  ganglion telemetry fuzz --broker embedded --broker-port 0 --messages 5000 --json"})
public final class TelemetryFuzzCommand implements Callable<Integer> {

  @Mixin BrokerOptions brokerOptions;

  @Option(names = "--messages", paramLabel = "N", defaultValue = "100000", description = "Messages to send (default: ${DEFAULT-VALUE}).")
  long messages;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--valid-fraction", paramLabel = "F", defaultValue = "0.3",
      description = "Share of well-formed messages, 0..1 (default: ${DEFAULT-VALUE}).")
  double validFraction;

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
      description = "Seconds to wait for the last messages to arrive (default: ${DEFAULT-VALUE}).")
  long timeoutS;

  @Mixin JsonOption json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!(validFraction >= 0 && validFraction <= 1)) {
      throw new InvalidInputException("--valid-fraction must be within 0..1, got " + validFraction);
    }
    FuzzRun.Options options = new FuzzRun.Options(messages, seed, validFraction, timeoutS);
    try (BrokerOptions.Connection broker = brokerOptions.open(BrokerOptions.clientId("ganglion-fuzz"), spec.commandLine().getErr())) {
      FuzzReport r = FuzzRun.overBroker(broker.settings(), options);
      Summary s = new Summary();
      r.toJsonMap().forEach(s::put);
      s.line("%s: %d messages (seed %d) through %s in %.1f s (%.0f messages/s)", r.passed() ? "PASSED" : "FAILED",
          r.messages(), r.seed(), broker.url(), r.seconds(), r.messages() / Math.max(1e-9, r.seconds()));
      s.line("  %-10s %8s %8s %9s %9s %9s  %s", "kind", "sent", "valid", "received", "decoded", "rejected", "by reason");
      for (FuzzReport.TargetStats t : r.targets()) {
        s.line("  %-10s %8d %8d %9d %9d %9d  %s", t.kind(), t.sent(), t.valid(), t.received(), t.decoded(), t.rejected(),
            t.matches() ? "matches" : "MISMATCH expected " + t.expectedRejects() + " got " + t.rejects());
      }
      s.line("  callback errors %d, internal errors %d%s", r.callbackErrors(), r.internalErrors(),
          r.complete() ? "" : ", NOT every message arrived before the timeout");
      s.print(spec.commandLine().getOut(), json.enabled());
      return r.passed() ? 0 : 1;
    }
  }
}
