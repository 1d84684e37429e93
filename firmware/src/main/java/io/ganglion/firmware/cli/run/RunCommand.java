package io.ganglion.firmware.cli.run;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigException;
import io.ganglion.firmware.config.BoardConfigLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code ganglion run}: the firmware on a board, or on a mock board with {@code --mock}. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the firmware a board file describes: its drivers, control law, failsafe and loop.",
      "On a Raspberry Pi it uses the real I2C/GPIO (Pi4J, gpiod + linuxfs); with --mock it runs anywhere on",
      "register-level fakes of the same chips, coupled to the file's sim model so the mock robot moves.",
      "Arms by itself after the first healthy tick (e-stop released, every sensor read) unless --no-arm or",
      "the board file sets failsafe: {auto_arm: false}. Stops at --duration, Ctrl-C or SIGTERM: outputs go to",
      "their safe values, the drivers are closed, and the loop statistics are printed (exit 1 if the outputs",
      "could not be made safe)."
    },
    footer = {"", "Examples:",
      "  ganglion run --config firmware/examples/swimmer6.yaml --mock --duration 10",
      "  ganglion run --config firmware/examples/diffdrive.yaml --mock --virtual-time --duration 30 --json",
      "  GANGLION_JAVA_OPTS='-XX:+UseSerialGC -Xms64m -Xmx64m -XX:+AlwaysPreTouch' ganglion run --config board.yaml"})
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", required = true, description = "The board file (YAML).")
  Path config;

  @Option(names = "--mock", description = "Run on fakes of the board's chips instead of the real I2C/GPIO.")
  boolean mock;

  @Option(names = "--duration", paramLabel = "S", description = "Stop after S seconds of loop time (default: run until Ctrl-C/SIGTERM).")
  Double durationS;

  @Option(names = "--virtual-time", description = "With --mock: simulated time, as fast as the CPU allows, deterministic (needs --duration).")
  boolean virtualTime;

  @Option(names = "--no-arm", description = "Stay disarmed (outputs safe) whatever the board file's failsafe.auto_arm says.")
  boolean noArm;

  @Option(names = "--log-telemetry", description = "Print the latest telemetry frame on stderr once per second.")
  boolean logTelemetry;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the mock IMU's noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--broker", paramLabel = "URL",
      description = "Publish status, telemetry and events on this MQTT broker (tcp://HOST:PORT or ssl://...) when the board"
          + " file names none (replaces its URL; --mock and --virtual-time runs publish only with --broker); with --io hil, also"
          + " the HIL broker.")
  String broker;

  @Option(names = "--io", paramLabel = "KIND",
      description = "Where the IO seams go: board (Pi4J, the default), mock (as --mock) or hil (a remote simulator over"
          + " MQTT: needs --broker and --session).")
  String ioKind;

  @Option(names = "--session", paramLabel = "ID", description = "With --io hil: the HIL session id (the simulator's --session).")
  String session;

  @Option(names = "--link-timeout-ms", paramLabel = "MS", defaultValue = "500",
      description = "With --io hil: no sensor frame for MS of wall time = link lost: the failsafe trips (default: ${DEFAULT-VALUE}).")
  long linkTimeoutMs;

  @Option(names = "--give-up-s", paramLabel = "S", defaultValue = "0",
      description = "With --io hil: stop after S seconds without a frame (default: ${DEFAULT-VALUE} = wait until Ctrl-C).")
  double giveUpS;

  @Option(names = "--record", paramLabel = "FILE",
      description = "Record every tick's inputs, outputs and task times into a tick log; ganglion replay FILE re-runs the"
          + " controller on them and checks the outputs are identical. An existing tick log is replaced; any other"
          + " existing file is refused (see --force), the board file always.")
  Path record;

  @Option(names = "--force", description = "With --record: overwrite FILE even if it exists and is not a tick log.")
  boolean force;

  @Mixin JsonOption json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String io = resolveIo();
    checkOptionsFor(io);
    if (record != null) {
      RecordTarget.check(record, config, force);
    }
    BoardConfig board;
    try {
      board = BoardConfigLoader.load(config);
    } catch (BoardConfigException e) {
      e.getMessage().lines().forEach(System.err::println);
      return 2;
    }
    if (io.equals("hil")) {
      return HilRun.run(board, broker, session, linkTimeoutMs, giveUpS, !noArm && board.failsafe().autoArm(), json.enabled());
    }
    PrintStream err = System.err;
    RunSession session = RunSession.open(board, new RunSession.Options(mock, virtualTime,
        board.failsafe().autoArm() && !noArm, logTelemetry, seed, broker, record), err);
    long durationNanos = durationS == null ? 0 : Math.round(durationS * 1e9);
    Thread hook = new Thread(() -> {
      session.requestStop();
      print(session);
    }, "ganglion-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    err.printf(java.util.Locale.ROOT, "ganglion: running board %s (%s, %s, law %s); %s%n", board.boardId(),
        mock ? "mock" : "real", virtualTime ? "virtual time" : "real time", board.law().name(),
        durationS == null ? "Ctrl-C or SIGTERM stops it" : "for " + durationS + " s");
    err.flush();
    session.start(durationNanos);
    if (!virtualTime) {
      long tid = session.loopThreadTid();
      err.println("ganglion: loop thread TID " + tid + (tid < 0 ? "" : " (e.g. taskset -p -c 3 " + tid + "; chrt -f -p 50 "
          + tid + ")"));
      for (String w : ThreadTuning.apply(tid, board.loop().pinCpu(), board.loop().rtPriority())) {
        err.println("ganglion: warning: " + w);
      }
      err.flush();
      session.awaitLoop(0);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      return 0; // the hook prints the report
    }
    return print(session);
  }

  /** The IO the run uses: --io, or mock with --mock, else board; --mock contradicting --io is an input error. */
  private String resolveIo() {
    if (ioKind == null) {
      return mock ? "mock" : "board";
    }
    switch (ioKind) {
      case "board", "hil" -> {
        if (mock) {
          throw new InvalidInputException("--mock contradicts --io " + ioKind + "; give one of them");
        }
      }
      case "mock" -> mock = true;
      default -> throw new InvalidInputException("--io must be board, mock or hil, got '" + ioKind + "'");
    }
    return ioKind;
  }

  /** Rejects what does not apply to {@code io} (one line, exit 2) and checks the values of what does. */
  private void checkOptionsFor(String io) {
    ParseResult given = spec.commandLine().getParseResult();
    if (io.equals("hil")) {
      for (String o : new String[] {"--duration", "--virtual-time", "--record", "--force", "--log-telemetry", "--seed"}) {
        if (given.hasMatchedOption(o)) {
          throw new InvalidInputException(o + " does not apply to --io hil (the simulator drives the run: it decides"
              + " its length and time)");
        }
      }
    } else {
      for (String o : new String[] {"--session", "--link-timeout-ms", "--give-up-s"}) {
        if (given.hasMatchedOption(o)) {
          throw new InvalidInputException(o + " only applies to --io hil");
        }
      }
    }
    if (given.hasMatchedOption("--seed") && !mock) {
      throw new InvalidInputException("--seed only applies to a mock run (--mock or --io mock): it seeds the mock IMU's noise");
    }
    // at least 1 ns: the loop counts whole nanoseconds, and a duration of 0 ns means "until stopped"
    if (durationS != null && !(durationS >= 1e-9 && durationS <= 1e7)) {
      throw new InvalidInputException("--duration must be a positive number of seconds, from 1e-9 (the loop counts whole"
          + " nanoseconds) up to 1e7, got " + durationS);
    }
    if (virtualTime && !mock) {
      throw new InvalidInputException("--virtual-time needs --mock or --io mock (a real board runs in real time)");
    }
    if (virtualTime && durationS == null) {
      throw new InvalidInputException("--virtual-time needs --duration (simulated time does not stop by itself)");
    }
    if (force && record == null) {
      throw new InvalidInputException("--force only applies to --record");
    }
    if ("embedded".equals(broker)) {
      throw new InvalidInputException("--broker embedded: a board connects to a broker, it does not start one; start one with"
          + " 'ganglion monitor --broker embedded' and give --broker tcp://127.0.0.1:1883");
    }
  }

  private int print(RunSession session) {
    synchronized (RunCommand.class) {
      RunSession.Result r = session.finish();
      if (!printed) {
        printed = true;
        RunReport.of(session, r).print(System.out, json.enabled());
        System.out.flush();
        warnIfUnsafe(r, System.err);
        if (session.recorder() != null && session.recorder().failure() != null) {
          System.err.println("ganglion: the tick log stopped early: " + session.recorder().failure()
              + "; ganglion replay compares the run up to there");
          System.err.flush();
        }
      }
      return exitCode(r);
    }
  }

  /** 0, or 1 when the outputs could not be made safe (docs/firmware.md). */
  static int exitCode(RunSession.Result r) {
    return r.safeApplied() ? 0 : 1;
  }

  /** The one line that says the actuators may still be driven. */
  static void warnIfUnsafe(RunSession.Result r, PrintStream err) {
    if (!r.safeApplied()) {
      err.println("ganglion: the outputs could NOT be made safe: " + r.unsafeReason()
          + "; the actuators may still be driven: cut their power");
      err.flush();
    }
  }

  private boolean printed;
}
