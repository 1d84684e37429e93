package io.ganglion.firmware.cli.config;

import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigException;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.config.TaskKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ganglion config check FILE}: validates a board file and summarises it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a board file: prints 'ok' and a summary, or every mistake, one per line as FILE: field.path: problem",
      "(exit 2). Unknown keys are mistakes too. Nothing is opened: devices are only described."
    },
    footer = {"", "Examples:", "  ganglion config check firmware/examples/swimmer6.yaml",
      "  ganglion config check board.yaml --json"})
public final class ConfigCheckCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "The board file (YAML).")
  Path file;

  @Mixin JsonOption json;

  @Override
  public Integer call() {
    BoardConfig c;
    try {
      c = BoardConfigLoader.load(file);
    } catch (BoardConfigException e) {
      if (json.enabled()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("file", file.toString());
        m.put("errors", e.errors());
        System.out.println(Summary.toJson(m));
      } else {
        e.getMessage().lines().forEach(System.err::println);
        System.err.println(e.errors().size() + (e.errors().size() == 1 ? " mistake" : " mistakes") + " in " + file);
      }
      return 2;
    }
    summary(c).print(System.out, json.enabled());
    return 0;
  }

  static Summary summary(BoardConfig c) {
    Summary s = new Summary();
    s.put("ok", true);
    s.put("file", String.valueOf(c.source()));
    s.put("board", c.boardId());
    s.put("law", c.law().name());
    s.put("law_params_file", c.law().paramsFile() == null ? null : c.law().paramsFile().toString());
    s.put("joints", c.jointCount());
    Map<String, Object> tasks = new LinkedHashMap<>();
    for (Map.Entry<TaskKind, Long> e : c.tasks().periods().entrySet()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("period_ns", e.getValue());
      t.put("rate_hz", 1e9 / e.getValue());
      tasks.put(e.getKey().key(), t);
    }
    s.put("tasks", tasks);
    s.put("imu", c.imu() != null);
    s.put("status_led", c.statusLed() != null);
    s.put("telemetry", c.telemetry() != null);
    s.put("sim", c.sim() == null ? null : c.sim().model());
    s.line("ok: %s", c.source());
    s.line("board %s, law %s%s, %d joints", c.boardId(), c.law().name(),
        c.law().paramsFile() == null ? "" : " (params " + c.law().paramsFile().getFileName() + ")", c.jointCount());
    s.line("tasks: %s", c.tasks());
    StringBuilder dev = new StringBuilder();
    dev.append(String.format("PCA9685 0x%02X on bus %d at %.0f Hz", c.pwm().address(), c.pwm().bus(), c.pwm().frequencyHz()));
    long muxed = c.encoders().stream().filter(e -> e.mux() != null).count();
    dev.append(", ").append(c.encoders().size()).append(" AS5600").append(muxed > 0 ? " (" + muxed + " behind a mux)" : "");
    if (c.imu() != null) {
      dev.append(String.format(", MPU-6050 0x%02X on bus %d", c.imu().address(), c.imu().bus()));
    }
    dev.append(", e-stop BCM ").append(c.estop().pin());
    if (c.statusLed() != null) {
      dev.append(", LED BCM ").append(c.statusLed().pin());
    }
    s.line("devices: %s", dev);
    if (c.telemetry() != null) {
      s.line("telemetry: %s (client %s)", c.telemetry().brokerUrl(), c.telemetry().clientId());
    }
    if (c.sim() != null) {
      s.line("sim model: %s (used by --mock)", c.sim().model());
    }
    return s;
  }
}
