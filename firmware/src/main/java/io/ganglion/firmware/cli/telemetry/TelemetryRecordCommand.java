package io.ganglion.firmware.cli.telemetry;

import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.StopSignal;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.firmware.ticklog.TickLogs;
import io.ganglion.telemetry.protocol.Names;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.record.FlushPolicy;
import io.ganglion.telemetry.record.RecoveryReport;
import io.ganglion.telemetry.record.TelemetryRecorder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ganglion telemetry record}: every message of one board (or all) into an append-only log. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Record every MQTT message under robots/<board>/# (or robots/+/#) into an append-only log with length + CRC32",
      "framing (docs/telemetry.md). Runs until Ctrl-C / SIGTERM (or --duration), then closes the log and prints a",
      "summary. An existing log is appended to; a torn tail left by a crash is reported and truncated first.",
      "A lost or refused broker connection is retried with backoff and recording goes on; a write error on the",
      "log (disk full, file too large) stops at once with exit 1 and one line saying how many records the log keeps."
    },
    footer = {"", "Examples:",
      "  ganglion telemetry record --broker tcp://127.0.0.1:1883 --board b1 --out b1.glog",
      "  ganglion telemetry record --broker embedded --out all.glog --flush sync"})
public final class TelemetryRecordCommand implements Callable<Integer> {

  @Mixin BrokerOptions brokerOptions;

  @Option(names = "--board", paramLabel = "ID", description = "Record one board (default: every board).")
  String board;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The log file (created, or appended to).")
  Path out;

  @Option(names = "--flush", paramLabel = "POLICY", defaultValue = "default",
      description = "When records reach the OS: default (256 records or 200 ms), sync (every record, fsync), "
          + "or RECORDS,MILLIS[,fsync] (default: ${DEFAULT-VALUE}).")
  String flush;

  @Option(names = "--duration", paramLabel = "S",
      description = "Stop after S seconds (default: until Ctrl-C or SIGTERM).")
  Double durationS;

  @Mixin JsonOption json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (board != null) {
      Names.requireBoardId(board);
    }
    if (durationS != null && !(durationS > 0 && durationS <= 1e7)) {
      throw new io.ganglion.drivers.InvalidInputException("--duration must be a positive number of seconds (at most 1e7; "
          + "leave it out to record until Ctrl-C), got " + durationS);
    }
    FlushPolicy policy = FlushOption.parse(flush);
    checkOutput();
    PrintWriter err = spec.commandLine().getErr();
    long startNanos = System.nanoTime();
    try (StopSignal stop = StopSignal.install(10_000);
         BrokerOptions.Connection broker = brokerOptions.open(BrokerOptions.clientId("ganglion-recorder"), err)) {
      TelemetryRecorder recorder = TelemetryRecorder.start(broker.settings(), board, out, policy, stop::trigger);
      Summary summary;
      try {
        RecoveryReport recovered = recorder.recovery();
        if (!recovered.clean()) {
          err.println("ganglion: " + out + " had a torn tail: kept " + recovered.records() + " records, truncated "
              + recovered.droppedBytes() + " bytes (" + recovered.problem() + ")");
        } else if (recovered.records() > 0) {
          err.println("ganglion: appending to " + out + " (" + recovered.records() + " records already)");
        }
        if (!recorder.awaitSubscribed(5, TimeUnit.SECONDS)) {
          err.println("ganglion: not connected to " + broker.url() + " yet (" + recorder.lastConnectionError()
              + "); recording as soon as it answers");
        } else {
          err.println("ganglion: recording " + Topics.boardFilter(board) + " from " + broker.url() + " into " + out
              + (durationS != null ? " for " + durationS + " s" : " (Ctrl-C to stop)"));
        }
        err.flush();
        stop.await(durationS != null ? Math.max(1, (long) (durationS * 1000)) : 0);
      } finally {
        recorder.close();
      }
      if (recorder.failure() != null) {
        throw recorder.failure(); // one line: what failed and how many records the log keeps; exit 1
      }
      summary = summary(recorder, recorder.recovery(), (System.nanoTime() - startNanos) / 1e9, stop.signalled());
      summary.print(spec.commandLine().getOut(), json.enabled());
      return 0;
    }
  }

  private void checkOutput() {
    Path abs = out.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new io.ganglion.drivers.InvalidInputException("--out " + out + " is a directory; give a file name");
    }
    if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
      throw new io.ganglion.drivers.InvalidInputException("--out " + out + ": directory " + abs.getParent()
          + " does not exist; create it first");
    }
    if (Files.isRegularFile(abs) && TickLogs.isTickLog(abs)) {
      // same file format: appending telemetry would leave a file neither replay accepts
      throw new io.ganglion.drivers.InvalidInputException("--out " + out + " is a tick log (ganglion run --record);"
          + " record telemetry into another file");
    }
  }

  private Summary summary(TelemetryRecorder r, RecoveryReport recovered, double seconds, boolean signalled) {
    Map<String, Long> c = r.counters();
    return new Summary()
        .put("file", out.toString())
        .put("filter", Topics.boardFilter(board))
        .put("records", c.get("records"))
        .put("bytes", c.get("bytes"))
        .put("seconds", seconds)
        .put("too_large", c.get("too_large"))
        .put("connects", c.get("connects"))
        .put("connection_losses", c.get("connection_losses"))
        .put("recovered_records", recovered.records())
        .put("recovered_dropped_bytes", recovered.droppedBytes())
        .put("stopped_by", signalled ? "signal" : "duration")
        .line("recorded %d messages (%d bytes) of %s into %s in %.1f s", c.get("records"), c.get("bytes"),
            Topics.boardFilter(board), out, seconds)
        .line("  connects %d, connection losses %d, too large %d", c.get("connects"), c.get("connection_losses"),
            c.get("too_large"))
        .line(recovered.clean() ? "  log was clean when opened (%d records)" : "  torn tail truncated when opened: kept %d records",
            recovered.records());
  }
}
