package io.ganglion.firmware.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Linux thread id (TID) of the calling thread, read from {@code /proc/thread-self}, so that an
 * operator can pin and prioritise just the loop thread: {@code taskset -p -c 3 TID},
 * {@code chrt -f -p 50 TID}. Java 17 has no API for it.
 */
public final class NativeThreadId {

  private NativeThreadId() {}

  /** The calling thread's TID, or -1 when not on Linux (allocates: call once at start). */
  public static long current() {
    try {
      Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
      // "PID/task/TID"
      return Long.parseLong(link.getFileName().toString());
    } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
      return -1;
    }
  }
}
