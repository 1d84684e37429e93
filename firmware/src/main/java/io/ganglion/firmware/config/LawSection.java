package io.ganglion.firmware.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.controllers.ncap.NcapConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code law} section: {@code name} and its parameters, inline ({@code params}) or in a
 * YAML/JSON file ({@code params_file}, relative to the board file's directory); without either,
 * the law's defaults.
 *
 * <p>{@code ncap} parameters: {@code layout} (shared | unshared), {@code weights} (the flat vector
 * of docs/ncap.md), {@code oscillator_period_steps}, {@code speed_unit}, {@code turn_unit}.
 * {@code drive} parameters: {@code wheel_radius_m}, {@code track_m}, {@code max_wheel_speed_rad_s},
 * {@code kp}, {@code v_m_s}, {@code w_rad_s}.
 */
final class LawSection {

  private static final String[] LAW_KEYS = {"name", "params", "params_file"};
  private static final String[] NCAP_KEYS = {"layout", "weights", "oscillator_period_steps", "speed_unit", "turn_unit"};
  private static final String[] DRIVE_KEYS = {"wheel_radius_m", "track_m", "max_wheel_speed_rad_s", "kp", "v_m_s", "w_rad_s"};

  private final YamlObject top;
  private final ConfigErrors errors;
  private final Path baseDir;
  private final int joints;

  LawSection(YamlObject top, ConfigErrors errors, Path baseDir, int joints) {
    this.top = top;
    this.errors = errors;
    this.baseDir = baseDir;
    this.joints = joints;
  }

  LawConfig read() {
    YamlObject o = top.object("law", true, "the control law, e.g. {name: ncap, params_file: ncap6.yaml}", LAW_KEYS);
    if (o == null) {
      return null;
    }
    String name = o.choice("name", Map.of("ncap", "ncap", "drive", "drive"), null);
    if (o.has("params") && o.has("params_file")) {
      errors.add(o.path(), "give params or params_file, not both");
      return null;
    }
    JsonNode params = null;
    String paramsPath = o.at("params");
    Path file = null;
    if (o.has("params_file")) {
      String f = o.string("params_file", ".*\\S.*", "a YAML or JSON file relative to this config's directory", null);
      if (f == null) {
        return null;
      }
      file = baseDir == null ? Path.of(f) : baseDir.resolve(f).normalize();
      paramsPath = o.at("params_file") + "(" + f + ")";
      params = readFile(file, o.at("params_file"), paramsPath, f);
      if (params == null) {
        return null;
      }
    } else if (o.has("params")) {
      params = o.raw("params");
    }
    if (name == null) {
      return null;
    }
    if (name.equals("ncap")) {
      return ncap(params, paramsPath, file);
    }
    return drive(params, paramsPath, file);
  }

  private JsonNode readFile(Path file, String keyPath, String paramsPath, String given) {
    if (!Files.isRegularFile(file)) {
      errors.add(keyPath, "file " + given + " not found (looked for " + file + ")");
      return null;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      errors.add(keyPath, "cannot read " + file + ": " + e.getMessage());
      return null;
    }
    JsonNode node = BoardConfigLoader.readTree(text, paramsPath, errors, given.toLowerCase(java.util.Locale.ROOT)
        .endsWith(".json"));
    if (node != null && (node.isMissingNode() || node.isNull())) {
      errors.add(paramsPath, "the file is empty; remove params_file to use the law's defaults");
      return null;
    }
    return node;
  }

  private LawConfig ncap(JsonNode params, String path, Path file) {
    if (joints < 1) {
      return null; // the joints section is wrong: reported there
    }
    if (joints > NcapConfig.MAX_JOINTS) {
      errors.add("joints", "ncap supports at most " + NcapConfig.MAX_JOINTS + " joints");
      return null;
    }
    if (params == null) {
      return new LawConfig("ncap", null, NcapConfig.defaults(joints), null);
    }
    YamlObject p = YamlObject.of(params, path, errors, NCAP_KEYS);
    if (p == null) {
      return null;
    }
    NcapConfig.Layout layout = p.choice("layout", Map.of("shared", NcapConfig.Layout.SHARED,
        "unshared", NcapConfig.Layout.UNSHARED), NcapConfig.Layout.SHARED);
    Integer period = p.integer("oscillator_period_steps", 2, NcapConfig.MAX_OSCILLATOR_PERIOD_STEPS,
        NcapConfig.DEFAULT_OSCILLATOR_PERIOD_STEPS, "control steps per oscillator cycle (60 = 1.8 s at 30 ms)");
    Boolean speed = p.bool("speed_unit", false);
    Boolean turn = p.bool("turn_unit", false);
    double[] weights = null;
    boolean weightsOk = true;
    if (p.has("weights") && layout != null && speed != null && turn != null) {
      int expected = NcapConfig.weightCount(layout, joints, speed, turn);
      List<JsonNode> list = p.list("weights", false, expected, expected, layoutHint(layout, speed, turn, expected));
      if (list == null) {
        weightsOk = false;
      } else {
        weights = new double[expected];
        for (int i = 0; i < expected; i++) {
          Double w = p.checkNumber(list.get(i), p.at("weights") + "[" + i + "]", -NcapConfig.MAX_ABS_WEIGHT,
              NcapConfig.MAX_ABS_WEIGHT, "");
          if (w == null) {
            weightsOk = false;
          } else {
            weights[i] = w;
          }
        }
      }
    }
    if (layout == null || period == null || speed == null || turn == null || !weightsOk) {
      return null;
    }
    try {
      NcapConfig config = NcapConfig.builder(joints).layout(layout).oscillatorPeriodSteps(period).speedUnit(speed)
          .turnUnit(turn).weights(weights).build();
      return new LawConfig("ncap", file, config, null);
    } catch (IllegalArgumentException e) {
      errors.add(path, e.getMessage());
      return null;
    }
  }

  private String layoutHint(NcapConfig.Layout layout, boolean speed, boolean turn, int expected) {
    String shape = layout.name().toLowerCase(java.util.Locale.ROOT) + " layout with " + joints + " joints"
        + (speed ? ", speed unit" : "") + (turn ? ", turn units" : "");
    if (layout == NcapConfig.Layout.SHARED) {
      return "the " + shape + " takes " + expected + " weights: w_prop, w_osc, w_ipsi, w_contra"
          + (speed ? ", w_speed" : "") + (turn ? ", w_turn" : "");
    }
    return "the " + shape + " takes " + expected + " weights (6 per joint, see docs/ncap.md)";
  }

  private LawConfig drive(JsonNode params, String path, Path file) {
    if (joints >= 0 && joints != 2) {
      errors.add("joints", "the drive law needs exactly 2 joints (joints[0] left wheel, joints[1] right wheel),"
          + " got " + joints);
    }
    if (params == null) {
      errors.add(path, "is required for the drive law: {wheel_radius_m, track_m, max_wheel_speed_rad_s}");
      return null;
    }
    YamlObject p = YamlObject.of(params, path, errors, DRIVE_KEYS);
    if (p == null) {
      return null;
    }
    Double r = p.number("wheel_radius_m", DriveParams.MIN_WHEEL_RADIUS_M, DriveParams.MAX_WHEEL_RADIUS_M, null,
        "the wheel radius the law assumes");
    Double b = p.number("track_m", DriveParams.MIN_TRACK_M, DriveParams.MAX_TRACK_M, null, "distance between the wheels");
    Double wmax = p.number("max_wheel_speed_rad_s", DriveParams.MIN_MAX_WHEEL_SPEED_RAD_S,
        DriveParams.MAX_MAX_WHEEL_SPEED_RAD_S, null, "wheel speed at command 1");
    Double kp = p.number("kp", 0, DriveParams.MAX_KP, 0.5, "wheel-speed feedback gain");
    Double v = p.number("v_m_s", -DriveParams.MAX_ABS_V_M_S, DriveParams.MAX_ABS_V_M_S, 0.0,
        "initial forward velocity command");
    Double w = p.number("w_rad_s", -DriveParams.MAX_ABS_W_RAD_S, DriveParams.MAX_ABS_W_RAD_S, 0.0,
        "initial yaw-rate command");
    if (r == null || b == null || wmax == null || kp == null || v == null || w == null) {
      return null;
    }
    return new LawConfig("drive", file, null, new DriveParams(r, b, wmax, kp, v, w));
  }
}
