package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log example of docs/telemetry.md (bytes computed independently with Python's zlib.crc32). */
class LogFormatExampleTest {

  static final String RECORD_HEX = "1e 00 00 00 14 42 f8 03 00 40 1e 18 24 0a 06 00 01 00 10 00 "
      + "72 6f 62 6f 74 73 2f 62 31 2f 65 76 65 6e 74 73 7b 7d";

  @TempDir
  Path dir;

  @Test
  void theDocumentedRecordHasTheDocumentedBytes() throws Exception {
    Path log = dir.resolve("example.glog");
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      w.append(1_700_000_000_000_000L, "robots/b1/events", 1, false, new byte[] {'{', '}'});
    }
    byte[] file = Files.readAllBytes(log);
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      header.append(String.format("%02x ", file[i]));
    }
    assertEquals("47 4c 4f 47 01 00 00 00 ", header.toString(), "magic GLOG, version 1, flags 0");
    assertEquals(RECORD_HEX, io.ganglion.telemetry.protocol.HexForTests.hex(Arrays.copyOfRange(file, LogFormat.HEADER_BYTES, file.length)));
  }
}
