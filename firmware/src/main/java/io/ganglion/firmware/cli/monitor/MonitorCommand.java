package io.ganglion.firmware.cli.monitor;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.StopSignal;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.MonitorSnapshot;
import io.ganglion.telemetry.monitor.TerminalView;
import io.ganglion.telemetry.monitor.web.MonitorWebServer;
import io.ganglion.telemetry.protocol.Names;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ganglion monitor}: watch boards live in the terminal or in a browser. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Watch boards and simulations live: which are online (retained status), each stream's rate and latest values,",
      "drop counters, rejected payloads and recent events (failsafe, faults, command verdicts). A terminal view",
      "(80x24, refreshed about 3 times a second) until Ctrl-C, one snapshot with --once / --json, or a web page",
      "with live plots with --web PORT."
    },
    footer = {"", "Examples:",
      "  ganglion monitor --broker tcp://127.0.0.1:1883",
      "  ganglion monitor --broker tcp://127.0.0.1:1883 --board b1 --once --json",
      "  ganglion monitor --broker tcp://127.0.0.1:1883 --web 8080      # then open http://127.0.0.1:8080/"})
public final class MonitorCommand implements Callable<Integer> {

  @Mixin BrokerOptions brokerOptions;

  @Option(names = "--board", paramLabel = "ID", description = "Watch one board (default: every board).")
  String board;

  @Option(names = "--once", description = "Collect for --duration (default 2 s), print one snapshot and exit.")
  boolean once;

  @Option(names = "--duration", paramLabel = "S",
      description = "Stop after S seconds (live view), or how long --once/--json collect (default: 2).")
  Double durationS;

  @Option(names = "--refresh-ms", paramLabel = "MS", defaultValue = "300",
      description = "Refresh period of the terminal view and the web page (default: ${DEFAULT-VALUE}).")
  long refreshMillis;

  @Option(names = "--web", paramLabel = "PORT", description = "Serve a page with live plots on PORT instead of the terminal view (0: any free port).")
  Integer webPort;

  @Option(names = "--web-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address the page listens on; 0.0.0.0 for other machines (default: ${DEFAULT-VALUE}).")
  String webBind;

  @Option(names = "--plot-interval-us", paramLabel = "US", defaultValue = "2000",
      description = "Plot at most one point per US microseconds of board time per stream (default: ${DEFAULT-VALUE}).")
  long plotIntervalUs;

  @Option(names = "--connect-timeout", paramLabel = "S", defaultValue = "5",
      description = "How long --once/--json wait for the broker before failing (default: ${DEFAULT-VALUE}).")
  double connectTimeoutS;

  @Mixin JsonOption json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    validate();
    boolean snapshotOnly = once || json.enabled();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (StopSignal stop = StopSignal.install(5_000);
         BrokerOptions.Connection broker = brokerOptions.open(BrokerOptions.clientId("ganglion-monitor"), err);
         Monitor monitor = Monitor.start(broker.settings(), board)) {
      if (!monitor.awaitSubscribed(Math.round(connectTimeoutS * 1000), TimeUnit.MILLISECONDS)) {
        if (snapshotOnly) {
          throw new GanglionException("cannot reach the broker " + broker.url() + ": " + monitor.lastConnectionError());
        }
        err.println("ganglion: broker " + broker.url() + " not reachable yet (" + monitor.lastConnectionError() + "); retrying");
        err.flush();
      }
      if (snapshotOnly) {
        stop.await(Math.round((durationS == null ? 2.0 : durationS) * 1000));
        MonitorSnapshot s = monitor.snapshot();
        if (json.enabled()) {
          out.println(Summary.toJson(s.toJsonMap()));
        } else {
          TerminalView.standard(false).render(s).forEach(out::println);
        }
        out.flush();
        return 0;
      }
      long durationMillis = durationS == null ? 0 : Math.round(durationS * 1000);
      if (webPort != null) {
        try (MonitorWebServer web = MonitorWebServer.start(monitor, webBind, webPort, refreshMillis, plotIntervalUs)) {
          err.println("ganglion: monitor page at " + web.url() + " (Ctrl-C to stop)");
          err.flush();
          stop.await(durationMillis);
          err.println("ganglion: monitor page stopped after " + web.messagesSent() + " updates, "
              + web.pointsCollected() + " plot points");
        }
        return 0;
      }
      live(monitor, stop, durationMillis, out);
      return 0;
    }
  }

  private void live(Monitor monitor, StopSignal stop, long durationMillis, PrintWriter out) throws InterruptedException {
    boolean ansi = System.console() != null;
    TerminalView view = TerminalView.standard(ansi);
    long end = durationMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMillis) : Long.MAX_VALUE;
    while (!stop.stopped() && System.nanoTime() - end < 0) {
      out.print(view.frame(monitor.snapshot()));
      if (!ansi) {
        out.println();
      }
      out.flush();
      stop.await(refreshMillis);
    }
    if (ansi) {
      out.print(view.frame(monitor.snapshot()));
      out.flush();
    }
  }

  private void validate() {
    if (board != null) {
      Names.requireBoardId(board);
    }
    if (durationS != null && !(durationS >= 0.001 && durationS <= 1e9)) {
      // below 1 ms it rounds to 0 ms, which would mean "until Ctrl-C"; past 10^9 s the deadline overflows
      throw new InvalidInputException("--duration must be a number of seconds in 0.001..1e9, got " + durationS);
    }
    if (!(connectTimeoutS > 0 && connectTimeoutS <= 600)) {
      throw new InvalidInputException("--connect-timeout must be in (0, 600] seconds, got " + connectTimeoutS);
    }
    if (refreshMillis < 50 || refreshMillis > 10_000) {
      throw new InvalidInputException("--refresh-ms " + refreshMillis + " is out of range; use 50..10000");
    }
    if (plotIntervalUs < 0) {
      throw new InvalidInputException("--plot-interval-us must be >= 0, got " + plotIntervalUs);
    }
    if (webPort != null && (once || json.enabled())) {
      throw new InvalidInputException("--web serves a live page; it does not combine with --once or --json");
    }
  }
}
