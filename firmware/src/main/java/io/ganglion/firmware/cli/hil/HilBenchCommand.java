package io.ganglion.firmware.cli.hil;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.telemetry.hil.HilBoardLink;
import io.ganglion.telemetry.hil.HilFrame;
import io.ganglion.telemetry.hil.HilSimulatorLink;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ganglion hil bench}: how many lock-step exchanges per second the broker carries. A
 * simulator link and an echo board link (each its own MQTT connection, in this process) exchange
 * frames of {@code --values} doubles; reports steps/s and the round-trip time distribution.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Measure lock-step HIL exchanges through a broker: a simulator side sends sensors with a sequence number, an echo",
      "board answers actuators for the same number, repeat. Prints steps/s and round-trip p50/p99/max."
    },
    footer = {"", "Example:", "  ganglion hil bench --broker tcp://127.0.0.1:1883 --steps 20000"})
public final class HilBenchCommand implements Callable<Integer> {

  @Mixin BrokerOptions brokerOptions;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "20000", description = "Measured exchanges (default: ${DEFAULT-VALUE}).")
  long steps;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000", description = "Exchanges before measuring (default: ${DEFAULT-VALUE}).")
  long warmup;

  @Option(names = "--values", paramLabel = "K", defaultValue = "12",
      description = "Doubles per frame each way (default: ${DEFAULT-VALUE}, a 6-joint swimmer's angles and velocities).")
  int values;

  @Option(names = "--session", paramLabel = "ID", defaultValue = "bench", description = "Session id (default: ${DEFAULT-VALUE}).")
  String session;

  @Mixin JsonOption json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (steps < 1 || warmup < 0) {
      throw new InvalidInputException("--steps must be >= 1 and --warmup >= 0");
    }
    if (steps > Long.MAX_VALUE - warmup) {
      throw new InvalidInputException("--steps + --warmup must be at most " + Long.MAX_VALUE + ", got " + steps + " + " + warmup);
    }
    if (values < 0 || values > HilFrame.MAX_VALUES) {
      throw new InvalidInputException("--values must be within 0.." + HilFrame.MAX_VALUES + ", got " + values);
    }
    try (BrokerOptions.Connection broker = brokerOptions.open(BrokerOptions.clientId("ganglion-hil-bench"), spec.commandLine().getErr());
         HilBoardLink board = HilBoardLink.connect(broker.as(BrokerOptions.clientId("ganglion-hil-board")), session, values, 5_000);
         HilSimulatorLink sim = HilSimulatorLink.connect(broker.as(BrokerOptions.clientId("ganglion-hil-sim")), session, values, 5_000)) {
      Thread echo = new Thread(() -> {
        HilFrame in = new HilFrame(values);
        while (board.awaitSensors(in, TimeUnit.SECONDS.toNanos(10)) == HilFrame.Kind.SENSORS) {
          board.answer(in.seq(), in.tUs(), in.values(), in.count());
        }
      }, "hil-echo-board");
      echo.setDaemon(true);
      echo.start();
      double[] sensors = new double[values];
      HilFrame answer = new HilFrame(values);
      Histogram rtt = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      long measuredStart = 0;
      for (long seq = 0; seq < warmup + steps; seq++) {
        if (seq == warmup) {
          measuredStart = System.nanoTime();
        }
        for (int i = 0; i < values; i++) {
          sensors[i] = seq + i * 0.25;
        }
        long t0 = System.nanoTime();
        if (!sim.exchange(seq, seq * 1_000, sensors, values, answer, TimeUnit.MILLISECONDS.toNanos(100),
            TimeUnit.SECONDS.toNanos(5))) {
          throw new GanglionException("HIL bench: no answer for step " + seq + " within 5 s through " + broker.url());
        }
        if (seq >= warmup) {
          rtt.recordValue(System.nanoTime() - t0);
        }
      }
      double seconds = (System.nanoTime() - measuredStart) / 1e9;
      boolean ended = sim.end(warmup + steps, 0, TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.SECONDS.toNanos(2));
      echo.join(2_000);
      double perSecond = steps / seconds;
      new Summary()
          .put("broker", broker.url())
          .put("steps", steps)
          .put("values", values)
          .put("seconds", seconds)
          .put("steps_per_s", perSecond)
          .put("rtt_p50_us", rtt.getValueAtPercentile(50) / 1e3)
          .put("rtt_p99_us", rtt.getValueAtPercentile(99) / 1e3)
          .put("rtt_max_us", rtt.getMaxValue() / 1e3)
          .put("retransmits", sim.retransmits())
          .put("end_acknowledged", ended)
          .line("%d lock-step exchanges of %d doubles through %s: %.0f steps/s", steps, values, broker.url(), perSecond)
          .line("  round trip p50 %.0f us, p99 %.0f us, max %.0f us; %d retransmits", rtt.getValueAtPercentile(50) / 1e3,
              rtt.getValueAtPercentile(99) / 1e3, rtt.getMaxValue() / 1e3, sim.retransmits())
          .line("  end of the run %s", ended ? "acknowledged by the board" : "NOT acknowledged within 2 s")
          .print(spec.commandLine().getOut(), json.enabled());
      return 0;
    }
  }
}
