package io.ganglion.firmware.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

  private static List<String> benchChild(String... jvmOptions) {
    return benchChild(4096, jvmOptions);
  }

  private static List<String> benchChild(int events, String... jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchMotionCommand.CLI_MAIN_CLASS,
        "bench", "motion", "--in-process", "--json", "--formats", "none", "--kernels", "1%", "--events", Integer.toString(events),
        "--rounds", "1", "--warmup", "0"));
    return command;
  }

  @Test
  void aChildJvmThatLogsToStdoutStillDeliversItsResult() {
    // -Xlog:gc (docs/firmware.md uses it) is passed on to the children and writes "[0.004s][info][gc] Using G1" to stdout
    Map<String, Object> result = ChildJvm.runJson(benchChild("-Xlog:gc"), BenchMotionCommand.CHILD_ENV, "the 1% child");
    List<?> detector = (List<?>) result.get("detector");
    assertEquals(1, detector.size(), result.toString());
    assertEquals("1%", ((Map<?, ?>) detector.get(0)).get("kernel"));
  }

  @Test
  void aChildThatFailsIsNamedWithItsExitCodeAndLastErrorLine() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChildJvm.runJson(benchChild("-Xmx1k"), BenchMotionCommand.CHILD_ENV, "the 1% kernel's benchmark JVM"));
    assertTrue(e.getMessage().startsWith("the 1% kernel's benchmark JVM failed (exit 1)"), e.getMessage());
    assertTrue(e.getMessage().contains("heap"), e.getMessage());
  }

  @Test
  void aChildThatRunsOutOfMemoryIsReportedByItsErrorNotByAStackFrame() {
    // a child inherits the parent's -Xmx (docs/firmware.md suggests -Xmx64m on a board); 2^23 events do not fit in 16 MB
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChildJvm.runJson(benchChild(1 << 23, "-Xmx16m"), BenchMotionCommand.CHILD_ENV, "the 1% kernel's benchmark JVM"));
    assertTrue(e.getMessage().contains("OutOfMemoryError"), e.getMessage());
    assertTrue(!e.getMessage().contains("\tat ") && !e.getMessage().matches("(?s).*:\\s+at .*"), e.getMessage());
  }
}
