package io.ganglion.telemetry.command;

/**
 * Receives commands that passed verification. Called on the MQTT callback thread: hand the
 * command to the control loop (e.g. through a queue) rather than acting on the loop's state here.
 * What it throws is caught, counted and reported as a {@code command_failed} event.
 */
@FunctionalInterface
public interface CommandHandler {

  /** One accepted command. */
  void onCommand(Command command);
}
