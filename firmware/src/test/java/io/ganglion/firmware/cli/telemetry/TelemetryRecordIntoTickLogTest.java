package io.ganglion.firmware.cli.telemetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telemetry record --out} refuses a tick log (same file format): it used to append telemetry
 * records to it, after which {@code telemetry replay} refuses the file as a tick log and {@code
 * ganglion replay} meets records it never wrote.
 */
class TelemetryRecordIntoTickLogTest {

  @TempDir Path dir;

  @Test
  void aTickLogIsNotAppendedTo() throws Exception {
    Path tick = dir.resolve("run.glog");
    CliRun run = CliRun.of("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "0.2",
        "--record", tick.toString());
    assertEquals(0, run.code, run.err);
    byte[] before = Files.readAllBytes(tick);
    try (TestBroker broker = TestBroker.start()) {
      CliRun record = CliRun.of("telemetry", "record", "--broker", broker.url(), "--out", tick.toString(), "--duration", "0.2");
      assertEquals(2, record.code, record.err);
      assertEquals(1, record.err.strip().lines().count(), record.err);
      assertTrue(record.err.contains("is a tick log (ganglion run --record); record telemetry into another file"), record.err);
    }
    assertArrayEquals(before, Files.readAllBytes(tick), "the tick log is untouched");
  }
}
