package io.ganglion.telemetry.record;

import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A recorder process for the crash test: appends fixed-size records (record i carries i in its
 * time and payload) as fast as it can, through a 4 KiB buffer that is written out whenever it
 * fills (so most writes end mid-record), until it is killed. Args: log path.
 */
public final class LogWriterChild {

  /** Payload bytes per record; with the 35-byte topic each record takes 8 + 12 + 35 + 950 = 1005 bytes. */
  static final int PAYLOAD = 950;
  static final String TOPIC = "robots/crash-board/telemetry/joints";
  static final int RECORD_BYTES = LogFormat.FRAME_BYTES + LogFormat.BODY_FIXED_BYTES + TOPIC.length() + PAYLOAD;

  private LogWriterChild() {}

  static byte[] payload(long i) {
    byte[] p = new byte[PAYLOAD];
    for (int k = 0; k < p.length; k++) {
      p[k] = (byte) (i * 31 + k);
    }
    return p;
  }

  public static void main(String[] args) {
    Path log = Paths.get(args[0]);
    TelemetryLogWriter w = TelemetryLogWriter.open(log, new FlushPolicy(Integer.MAX_VALUE, 0, false, 4096));
    for (long i = 0; ; i++) {
      w.append(1_000_000L + i, TOPIC, 0, false, payload(i));
      if (i == 2_000) {
        System.out.println("writing");
        System.out.flush();
      }
    }
  }
}
