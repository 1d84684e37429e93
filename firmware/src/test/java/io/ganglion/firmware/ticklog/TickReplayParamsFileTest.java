package io.ganglion.firmware.ticklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tick log holds the law's parameter file, and the replay uses that copy wherever the board file
 * said the file was: an absolute path (the replay read the replaying machine's file at that path,
 * or failed when there was none), or a relative one more than four directories up (refused as
 * "too far outside the board file's directory to rebuild").
 */
class TickReplayParamsFileTest {

  @TempDir Path dir;

  private static Path params() {
    Path p = Path.of("examples", "ncap6.yaml");
    return Files.exists(p) ? p : Path.of("firmware").resolve(p);
  }

  private Path boardWithParamsFile(Path boardDir, String paramsFile) throws Exception {
    Files.createDirectories(boardDir);
    String board = Files.readString(Path.of(TickReplayTest.boardFile()))
        .replace("params_file: ncap6.yaml", "params_file: " + paramsFile);
    assertTrue(board.contains("params_file: " + paramsFile));
    Path file = boardDir.resolve("board.yaml");
    Files.writeString(file, board);
    return file;
  }

  private void recordDeleteParamsAndReplay(Path board, Path paramsCopy) {
    Path log = dir.resolve("run.glog");
    CliRun run = CliRun.of("run", "--config", board.toString(), "--mock", "--virtual-time", "--duration", "1", "--record",
        log.toString());
    assertEquals(0, run.code, run.err);
    try {
      Files.delete(paramsCopy); // the replay runs elsewhere: only the log travels
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    CliRun replay = CliRun.of("replay", log.toString());
    assertEquals(0, replay.code, replay.out + replay.err);
    assertTrue(replay.out.contains("IDENTICAL outputs"), replay.out);
  }

  @Test
  void aParameterFileGivenByAbsolutePathIsTakenFromTheLog() throws Exception {
    Path w = dir.resolve("weights").resolve("w.yaml");
    Files.createDirectories(w.getParent());
    Files.copy(params(), w);
    Path board = boardWithParamsFile(dir.resolve("robot"), w.toAbsolutePath().toString());
    recordDeleteParamsAndReplay(board, w);
  }

  @Test
  void aParameterFileSixDirectoriesAboveTheBoardFileIsTakenFromTheLog() throws Exception {
    Path w = dir.resolve("w.yaml");
    Files.copy(params(), w);
    Path board = boardWithParamsFile(dir.resolve("a/b/c/d/e/f"), "../../../../../../w.yaml");
    recordDeleteParamsAndReplay(board, w);
  }
}
