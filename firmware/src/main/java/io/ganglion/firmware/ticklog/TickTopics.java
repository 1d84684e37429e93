package io.ganglion.firmware.ticklog;

/**
 * Record topics of a tick log (payloads little-endian):
 *
 * <ul>
 *   <li>{@code tick/config}: JSON, first: the board file, the law's parameter file, the firmware
 *       settings, the task names and the inputs layouts;
 *   <li>{@code tick/task}: a task run: i32 task index, i64 start ns, i64 deadline ns (loop clock);
 *   <li>{@code tick/skip}: i32 task index, i64 releases skipped after it (SKIP policy);
 *   <li>{@code tick/in/<device>}: one read of a device's inputs ({@code InputsCodec} words, 8 bytes each);
 *   <li>{@code tick/out/servo}: one write of the outputs: u8 mode (0 apply, 1 safe, 2 disable), then
 *       the commands as f64 (apply only);
 *   <li>{@code tick/cmd}: a command the loop applied: i32 what, f64 value.
 * </ul>
 */
final class TickTopics {

  static final String CONFIG = "tick/config";
  static final String TASK = "tick/task";
  static final String SKIP = "tick/skip";
  static final String IN = "tick/in/";
  static final String OUT_SERVO = "tick/out/servo";
  static final String CMD = "tick/cmd";

  static final int APPLY = 0;
  static final int SAFE = 1;
  static final int DISABLE = 2;

  private TickTopics() {}
}
