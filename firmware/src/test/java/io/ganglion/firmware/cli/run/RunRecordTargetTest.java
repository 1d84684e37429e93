package io.ganglion.firmware.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.ticklog.TickLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --record FILE} never destroys a file that is not a tick log, never the board file,
 * refuses impossible paths before anything is opened, and a failed start closes the tick log.
 */
class RunRecordTargetTest {

  @TempDir Path dir;

  private CliRun run(Path record, String... extra) {
    String[] base = {"run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "0.2",
        "--record", record.toString()};
    return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
  }

  @Test
  void theBoardFileItselfIsRefusedEvenWithForce() throws IOException {
    Path board = dir.resolve("victim.yaml");
    Files.copy(Path.of("examples/diffdrive.yaml"), board);
    byte[] before = Files.readAllBytes(board);
    for (String[] extra : new String[][] {{}, {"--force"}}) {
      String[] args = Stream.concat(Stream.of("run", "--config", board.toString(), "--mock", "--virtual-time", "--duration",
          "0.2", "--record", board.toString()), Stream.of(extra)).toArray(String[]::new);
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code, r.err);
      assertEquals(1, r.err.strip().lines().count(), r.err);
      assertTrue(r.err.contains("is the board file given with --config"), r.err);
      assertArrayEquals(before, Files.readAllBytes(board), "the board file is untouched");
    }
  }

  @Test
  void anExistingFileThatIsNotATickLogIsKeptUnlessForced() throws IOException {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "my notes\n");
    CliRun r = run(notes);
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains("exists and is not a tick log"), r.err);
    assertEquals("my notes\n", Files.readString(notes));
    CliRun forced = run(notes, "--force");
    assertEquals(0, forced.code, forced.err);
    assertTrue(TickLogs.isTickLog(notes));
  }

  @Test
  void anEarlierTickLogIsReplaced() throws IOException {
    Path log = dir.resolve("run.tlog");
    assertEquals(0, run(log).code);
    long first = Files.size(log);
    CliRun again = run(log);
    assertEquals(0, again.code, again.err);
    assertTrue(TickLogs.isTickLog(log));
    assertEquals(first, Files.size(log), 1_000_000, "replaced, not appended");
  }

  @Test
  void impossiblePathsAreInputErrorsWithOneLine() throws IOException {
    CliRun missing = run(dir.resolve("no/such/dir/run.tlog"));
    assertEquals(2, missing.code, missing.err);
    assertTrue(missing.err.contains("does not exist; create it first"), missing.err);
    assertEquals(1, missing.err.strip().lines().count(), missing.err);
    CliRun directory = run(dir);
    assertEquals(2, directory.code, directory.err);
    assertTrue(directory.err.contains("is a directory; give a file name"), directory.err);
    CliRun force = CliRun.of("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "0.2",
        "--force");
    assertEquals(2, force.code, force.err);
    assertTrue(force.err.contains("--force only applies to --record"), force.err);
  }

  @Test
  void aFailedStartClosesTheTickLog() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(fds), "needs Linux /proc to see open files");
    BoardConfig config = BoardConfigLoader.load(Path.of("examples/diffdrive.yaml"));
    Path log = dir.resolve("failed.tlog");
    // the broker URL is refused after the drivers, the tick log and the log printer were opened
    RunSession.Options options = new RunSession.Options(true, false, true, false, 1, "nonsense://broker", log);
    assertThrows(InvalidInputException.class, () -> RunSession.open(config, options,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    assertTrue(Files.exists(log), "the recorder had created the file");
    try (Stream<Path> open = Files.list(fds)) {
      Path real = log.toRealPath();
      assertTrue(open.noneMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).equals(real);
        } catch (IOException e) {
          return false;
        }
      }), "no file descriptor of this JVM refers to the tick log any more");
    }
  }
}
