package io.ganglion.firmware.config;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.runtime.OverrunPolicy;
import io.ganglion.sim.diffdrive.DiffDriveConfig;
import io.ganglion.sim.swimmer.SwimmerConfig;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The firmware sections of a board file: {@code loop}, {@code tasks}, {@code failsafe}, {@code telemetry}, {@code sim}. */
final class RuntimeSections {

  private static final String[] LOOP_KEYS = {"overrun", "spin_us", "pin_cpu", "rt_priority"};
  private static final String[] TASK_KEYS = {"rate_hz", "period_ms"};
  private static final String[] FAILSAFE_KEYS = {
    "max_consecutive_misses", "sensor_failure_reads", "max_input_age_ms", "auto_arm", "miss_window", "max_window_misses"
  };
  private static final String[] TELEMETRY_KEYS = {"broker_url", "client_id", "username_env", "password_env", "board_key_file"};
  private static final String[] SWIMMER_KEYS = {"links"};
  private static final String[] DIFFDRIVE_KEYS = {
    "wheel_radius_m", "track_m", "max_wheel_speed_rad_s", "motor_time_constant_s", "timestep_ms"
  };
  private static final String ENV_REGEX = "[A-Za-z_][A-Za-z0-9_]*";

  private final YamlObject top;
  private final ConfigErrors errors;
  private final Path baseDir;
  private final DeviceSections devices;
  private final String boardId;
  LoopConfig loop;
  TaskRates tasks;
  FailsafeConfig failsafe;
  TelemetryConfig telemetry;
  SimConfig sim;

  RuntimeSections(YamlObject top, ConfigErrors errors, Path baseDir, DeviceSections devices, String boardId) {
    this.top = top;
    this.errors = errors;
    this.baseDir = baseDir;
    this.devices = devices;
    this.boardId = boardId;
  }

  void read() {
    readLoop();
    readTasks();
    readFailsafe();
    readTelemetry();
    readSim();
  }

  private void readLoop() {
    if (!top.has("loop")) {
      loop = LoopConfig.defaults();
      return;
    }
    YamlObject o = top.object("loop", false, "", LOOP_KEYS);
    if (o == null) {
      return;
    }
    OverrunPolicy overrun = o.choice("overrun", Map.of("skip", OverrunPolicy.SKIP, "catch_up", OverrunPolicy.CATCH_UP),
        OverrunPolicy.SKIP);
    Long spinUs = o.longValue("spin_us", 0, 100_000, 200L, "busy-wait before each deadline, us");
    Integer cpu = o.integer("pin_cpu", 0, 1023, -1, "the CPU to pin the loop thread to (taskset), e.g. an isolcpus core");
    Integer prio = o.integer("rt_priority", 1, 99, 0, "SCHED_FIFO priority of the loop thread (chrt; needs CAP_SYS_NICE)");
    if (overrun != null && spinUs != null && cpu != null && prio != null) {
      loop = new LoopConfig(overrun, spinUs * 1000, cpu, prio);
    }
  }

  private void readTasks() {
    YamlObject o = top.object("tasks", true, "the task rates, e.g. {servo: {rate_hz: 1000}, encoders: {rate_hz: 250},"
        + " controller: {period_ms: 30}}", keys());
    if (o == null) {
      return;
    }
    Map<TaskKind, Long> periods = new EnumMap<>(TaskKind.class);
    boolean ok = true;
    for (TaskKind kind : TaskKind.values()) {
      String key = kind.key();
      boolean required = kind == TaskKind.SERVO || kind == TaskKind.CONTROLLER || kind == TaskKind.ENCODERS;
      if (kind == TaskKind.IMU) {
        if (devices.imuPresent && !o.has(key)) {
          errors.add(o.at(key), "is required because the board has an imu, e.g. {rate_hz: 200}");
          ok = false;
          continue;
        }
        if (!devices.imuPresent && o.has(key)) {
          errors.add(o.at(key), "the board has no imu section; remove this task or add the imu");
          ok = false;
          continue;
        }
      }
      if (!o.has(key)) {
        if (required) {
          errors.add(o.at(key), "is required, e.g. {rate_hz: " + (kind == TaskKind.SERVO ? "1000" : "250") + "}"
              + (kind == TaskKind.CONTROLLER ? " or {period_ms: 30}" : ""));
          ok = false;
        }
        continue;
      }
      Long p = period(o.object(key, true, "", TASK_KEYS));
      if (p == null) {
        ok = false;
      } else {
        periods.put(kind, p);
      }
    }
    if (ok) {
      tasks = new TaskRates(periods);
    }
  }

  private static String[] keys() {
    TaskKind[] kinds = TaskKind.values();
    String[] k = new String[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      k[i] = kinds[i].key();
    }
    return k;
  }

  /** Exactly one of rate_hz and period_ms, as an integer period in ns. */
  private Long period(YamlObject t) {
    if (t == null) {
      return null;
    }
    boolean rate = t.has("rate_hz");
    boolean ms = t.has("period_ms");
    if (rate == ms) {
      errors.add(t.path(), rate ? "give rate_hz or period_ms, not both" : "needs rate_hz (e.g. 1000) or period_ms (e.g. 30)");
      return null;
    }
    if (rate) {
      Double hz = t.number("rate_hz", 0.01, 100_000, null, "");
      return hz == null ? null : Math.round(1e9 / hz);
    }
    Double p = t.number("period_ms", 0.01, 100_000, null, "");
    return p == null ? null : Math.round(p * 1e6);
  }

  private void readFailsafe() {
    FailsafeConfig d = FailsafeConfig.defaults();
    YamlObject o = top.has("failsafe") ? top.object("failsafe", false, "", FAILSAFE_KEYS) : null;
    if (o == null) {
      if (!top.has("failsafe")) {
        failsafe = d;
        checkInputAge(d.maxInputAgeNanos(), "failsafe (default max_input_age_ms 50)");
      }
      return;
    }
    Integer misses = o.integer("max_consecutive_misses", 1, 1_000_000, d.maxConsecutiveMisses(),
        "deadline misses in a row (of any task) that trip the failsafe");
    Integer reads = o.integer("sensor_failure_reads", 1, 1_000_000, d.sensorFailureReads(),
        "failed reads in a row of one device that trip the failsafe");
    Double ageMs = o.number("max_input_age_ms", 0.01, 60_000, d.maxInputAgeNanos() / 1e6,
        "a sensor sample older than this is stale");
    Boolean autoArm = o.bool("auto_arm", d.autoArm());
    Integer window = o.integer("miss_window", 1, 1 << 20, d.missWindowReleases(),
        "releases of each task the miss-rate rule looks back over");
    Integer windowMisses = o.integer("max_window_misses", 0, 1 << 20, d.maxWindowMisses(),
        "misses among a task's latest miss_window releases that trip the failsafe (0: no miss-rate rule)");
    if (window != null && windowMisses != null && windowMisses > window) {
      if (o.has("max_window_misses")) {
        errors.add(o.at("max_window_misses"), "is " + windowMisses + ", more than miss_window (" + window
            + ") releases can miss; use at most " + window + ", or 0 for no miss-rate rule");
      } else {
        // only the window was written: say so where it was, not at a key the file does not have
        errors.add(o.at("miss_window"), window + " is less than the default max_window_misses (" + windowMisses
            + "); set max_window_misses to at most " + window + ", or 0 for no miss-rate rule");
      }
      windowMisses = null;
    }
    if (ageMs != null && !checkInputAge(Math.round(ageMs * 1e6), o.at("max_input_age_ms"))) {
      ageMs = null;
    }
    if (misses != null && reads != null && ageMs != null && autoArm != null && window != null && windowMisses != null) {
      failsafe = new FailsafeConfig(misses, reads, Math.round(ageMs * 1e6), autoArm, window, windowMisses);
    }
  }

  /** The input age limit must exceed the slowest sensor task's period, or inputs are always stale. */
  private boolean checkInputAge(long ageNanos, String path) {
    if (tasks == null) {
      return true;
    }
    long slowest = Math.max(tasks.periodNanos(TaskKind.ENCODERS), tasks.periodNanos(TaskKind.IMU));
    if (ageNanos <= slowest) {
      errors.add(path, "max_input_age_ms " + YamlObject.fmt(ageNanos / 1e6) + " must be longer than the slowest sensor"
          + " task's period (" + YamlObject.fmt(slowest / 1e6) + " ms), or every input would be stale");
      return false;
    }
    return true;
  }

  private void readTelemetry() {
    YamlObject o = top.object("telemetry", false, "", TELEMETRY_KEYS);
    if (o == null) {
      return;
    }
    String url = o.string("broker_url", null, "the MQTT broker, e.g. tcp://localhost:1883 (tcp or ssl)", null);
    URI uri = url == null ? null : brokerUri(url, o.at("broker_url"));
    String clientId = o.string("client_id", "[A-Za-z0-9_.-]{1,64}", "1..64 letters, digits, '_', '.', '-'",
        boardId == null ? "" : boardId);
    String user = o.string("username_env", ENV_REGEX, "the name of an environment variable, e.g. GANGLION_MQTT_USER", "");
    String pass = o.string("password_env", ENV_REGEX, "the name of an environment variable, e.g. GANGLION_MQTT_PASSWORD", "");
    if (pass != null && !pass.isEmpty() && user != null && user.isEmpty()) {
      errors.add(o.at("password_env"), "needs username_env too (MQTT 3.1.1 sends a password only with a user name)");
      pass = null;
    }
    String key = o.string("board_key_file", ".*\\S.*", "a file path (relative to this config's directory)", "");
    if (uri != null && clientId != null && !clientId.isEmpty() && user != null && pass != null && key != null) {
      telemetry = new TelemetryConfig(uri, clientId, user.isEmpty() ? null : user, pass.isEmpty() ? null : pass,
          key.isEmpty() ? null : baseDir == null ? Path.of(key) : baseDir.resolve(key).normalize());
    }
  }

  /** The URL, checked by the rule the MQTT connection applies ({@link MqttSettings#validateUri}), or null. */
  private URI brokerUri(String url, String path) {
    try {
      MqttSettings.validateUri(url);
      return new URI(url);
    } catch (InvalidInputException | URISyntaxException e) {
      errors.add(path, e.getMessage() + " (e.g. tcp://localhost:1883)");
      return null;
    }
  }

  private void readSim() {
    if (!top.has("sim")) {
      return;
    }
    YamlObject probe = top.object("sim", false, "", union());
    if (probe == null) {
      return;
    }
    String model = probe.choice("model", Map.of("swimmer", "swimmer", "diffdrive", "diffdrive"), null);
    if (model == null) {
      return;
    }
    String[] other = model.equals("swimmer") ? DIFFDRIVE_KEYS : SWIMMER_KEYS;
    for (String k : other) {
      if (probe.has(k)) {
        errors.add(probe.at(k), "applies to sim model " + (model.equals("swimmer") ? "diffdrive" : "swimmer") + " only");
      }
    }
    int joints = devices.jointCount();
    if (model.equals("swimmer")) {
      Integer links = probe.integer("links", SwimmerConfig.MIN_BODIES, SwimmerConfig.MAX_BODIES, null,
          "the swimmer's links (joints + 1)");
      if (links != null && joints >= 0 && links != joints + 1) {
        errors.add(probe.at("links"), links + " links need " + (links - 1) + " joints, but the board has " + joints
            + "; links must be joints + 1");
        links = null;
      }
      if (links != null) {
        sim = new SimConfig(model, SwimmerConfig.dmControl(links), null);
      }
      return;
    }
    if (joints >= 0 && joints != 2) {
      errors.add(probe.at("model"), "diffdrive needs exactly 2 joints (joints[0] left wheel, joints[1] right wheel),"
          + " the board has " + joints);
    }
    Double r = probe.number("wheel_radius_m", 1e-3, 1, null, "");
    Double b = probe.number("track_m", 1e-3, 10, null, "distance between the wheels");
    Double wmax = probe.number("max_wheel_speed_rad_s", 1e-3, 10_000, null, "wheel speed at command 1");
    Double tau = probe.number("motor_time_constant_s", 1e-4, 10, 0.05, "");
    Double dtMs = probe.number("timestep_ms", 0.01, 100, 1.0, "");
    if (r != null && b != null && wmax != null && tau != null && dtMs != null) {
      try {
        // whole nanoseconds: the loop runs the physics task every round(dt) ns, so the physics
        // integrates that interval (else its clock drifts from the loop's)
        double dtS = Math.round(dtMs * 1e6) / 1e9;
        sim = new SimConfig(model, null, new DiffDriveConfig(r, b, wmax, tau, dtS));
      } catch (InvalidInputException e) {
        errors.add(probe.path(), e.getMessage());
      }
    }
  }

  private static String[] union() {
    String[] all = new String[1 + SWIMMER_KEYS.length + DIFFDRIVE_KEYS.length];
    all[0] = "model";
    System.arraycopy(SWIMMER_KEYS, 0, all, 1, SWIMMER_KEYS.length);
    System.arraycopy(DIFFDRIVE_KEYS, 0, all, 1 + SWIMMER_KEYS.length, DIFFDRIVE_KEYS.length);
    return all;
  }
}
