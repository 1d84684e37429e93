package io.ganglion.firmware.ticklog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.runtime.OverrunPolicy;
import io.ganglion.firmware.runtime.TaskStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The first record of a tick log: what is needed to build the same firmware again on another
 * machine: the board file's text (and its law parameter file's), the settings the run used, the
 * tasks in order with their periods, the inputs layouts, and the firmware version.
 */
public final class TickConfig {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TickConfig() {}

  /** The config record's JSON for a run of {@code board} with {@code settings} on {@code scheduler}'s tasks. */
  public static String of(BoardConfig board, FirmwareSettings settings, LoopScheduler scheduler, List<String> layouts,
      String firmwareVersion, String io) {
    ObjectNode o = JSON.createObjectNode();
    o.put("version", 1);
    o.put("firmware_version", firmwareVersion);
    o.put("io", io);
    o.put("board_file_name", board.source() == null ? "board.yaml" : board.source().getFileName().toString());
    o.put("board_file", read(board.source()));
    Path params = board.law().paramsFile();
    if (params != null && board.source() != null) {
      Path dir = board.source().toAbsolutePath().getParent();
      o.put("params_file_name", dir.relativize(params.toAbsolutePath()).toString());
      o.put("params_file", read(params));
    }
    ObjectNode s = o.putObject("settings");
    s.put("servo_period_ns", settings.servoPeriodNanos());
    s.put("encoders_period_ns", settings.encodersPeriodNanos());
    s.put("imu_period_ns", settings.imuPeriodNanos());
    s.put("controller_period_ns", settings.controllerPeriodNanos());
    s.put("telemetry_period_ns", settings.telemetryPeriodNanos());
    s.put("overrun", settings.overrun().name());
    s.put("max_consecutive_misses", settings.maxConsecutiveMisses());
    s.put("sensor_failure_reads", settings.sensorFailureReads());
    s.put("max_input_age_ns", settings.maxInputAgeNanos());
    s.put("auto_arm", settings.autoArm());
    s.put("miss_window", settings.missWindowReleases());
    s.put("max_window_misses", settings.maxWindowMisses());
    ArrayNode tasks = o.putArray("tasks");
    for (TaskStats t : scheduler.stats()) {
      tasks.addObject().put("name", t.name()).put("period_ns", t.periodNanos());
    }
    ArrayNode l = o.putArray("layouts");
    layouts.forEach(l::add);
    return o.toString();
  }

  private static String read(Path file) {
    try {
      return file == null ? "" : Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + file + " for the tick log: " + e.getMessage());
    }
  }

  private static final Predicate<JsonNode> INTEGER = n -> n.isIntegralNumber() && n.canConvertToLong();
  private static final Predicate<JsonNode> INT = n -> n.isIntegralNumber() && n.canConvertToInt();

  /** Field {@code name} of {@code parent}, which must pass {@code valid}; else an input error naming it. */
  private static JsonNode need(JsonNode parent, String name, Predicate<JsonNode> valid) {
    JsonNode v = parent.get(name);
    if (v == null || !valid.test(v)) {
      throw invalid(name);
    }
    return v;
  }

  private static InvalidInputException invalid(String field) {
    return new InvalidInputException("the tick log's config record has no valid '" + field + "' (a damaged log, or one"
        + " of another firmware version); record the run again");
  }

  /** A parsed config record. */
  record Parsed(JsonNode json, BoardConfig board, FirmwareSettings settings, List<String> taskNames, List<Long> periods,
      List<String> layouts) {}

  /** Parses the config record, rebuilding the board file (and its parameter file) in a temporary directory. */
  static Parsed parse(byte[] payload) {
    JsonNode o;
    try {
      o = JSON.readTree(payload);
    } catch (IOException e) {
      throw new InvalidInputException("the tick log's config record is not JSON: " + e.getMessage());
    }
    if (o == null || o.path("version").asInt() != 1) {
      throw new InvalidInputException("the tick log's config record has no version 1; is this a tick log (ganglion run --record)?");
    }
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("ganglion-replay-");
      Path base = tmp.resolve("board");
      Files.createDirectories(base);
      // the logged copy of the law's parameter file, wherever the board file said it was (an
      // absolute path, or any number of directories up): the replay reads this copy, not that path
      Path params = null;
      if (o.hasNonNull("params_file_name")) {
        Path name = Path.of(o.get("params_file_name").asText()).getFileName();
        params = tmp.resolve("params").resolve(name == null ? "params.yaml" : name.toString());
        Files.createDirectories(params.getParent());
        Files.writeString(params, o.path("params_file").asText(), StandardCharsets.UTF_8);
      }
      String paramsFile = params == null ? null : params.toString();
      Path boardFile = base.resolve(o.path("board_file_name").asText("board.yaml"));
      BoardConfig board = BoardConfigLoader.parse(o.path("board_file").asText(), boardFile, base, root -> {
        if (paramsFile != null && root.path("law") instanceof ObjectNode law && law.has("params_file")) {
          law.put("params_file", paramsFile);
        }
      });
      JsonNode s = need(o, "settings", JsonNode::isObject);
      FirmwareSettings settings;
      try {
        settings = new FirmwareSettings(need(s, "servo_period_ns", INTEGER).asLong(),
            need(s, "encoders_period_ns", INTEGER).asLong(), need(s, "imu_period_ns", INTEGER).asLong(),
            need(s, "controller_period_ns", INTEGER).asLong(), need(s, "telemetry_period_ns", INTEGER).asLong(),
            OverrunPolicy.valueOf(need(s, "overrun", JsonNode::isTextual).asText()),
            need(s, "max_consecutive_misses", INT).asInt(), need(s, "sensor_failure_reads", INT).asInt(),
            need(s, "max_input_age_ns", INTEGER).asLong(), need(s, "auto_arm", JsonNode::isBoolean).asBoolean(),
            // logs written before the miss-rate rule: the run had none, so neither has its replay
            s.has("miss_window") ? need(s, "miss_window", INT).asInt() : LoopScheduler.DEFAULT_MISS_WINDOW_RELEASES,
            s.has("max_window_misses") ? need(s, "max_window_misses", INT).asInt() : 0);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("the tick log's config record has settings no firmware runs (" + e.getMessage()
            + "); record the run again");
      }
      List<String> names = new ArrayList<>();
      List<Long> periods = new ArrayList<>();
      for (JsonNode t : need(o, "tasks", JsonNode::isArray)) {
        names.add(need(t, "name", JsonNode::isTextual).asText());
        periods.add(need(t, "period_ns", INTEGER).asLong());
      }
      List<String> layouts = new ArrayList<>();
      for (JsonNode l : need(o, "layouts", JsonNode::isArray)) {
        if (!l.isTextual()) {
          throw invalid("layouts");
        }
        layouts.add(l.asText());
      }
      return new Parsed(o, board, settings, names, periods, layouts);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw new InvalidInputException("cannot rebuild the board file from the tick log's config record: " + e.getMessage());
    } finally {
      if (tmp != null) {
        try (var files = Files.walk(tmp)) {
          files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
          // a temp dir left behind
        }
      }
    }
  }
}
