package io.ganglion.telemetry.command;

/**
 * The outcome of verifying one command payload.
 *
 * @param command the command when accepted, else null
 * @param rejection why it was refused, or null when accepted
 * @param verb the verb from the topic (for reports; null when the topic is not a command topic)
 * @param message a one-line explanation
 */
public record CommandVerdict(Command command, CommandRejection rejection, String verb, String message) {

  /** True when the command may be executed. */
  public boolean accepted() {
    return rejection == null;
  }

  static CommandVerdict accept(Command c) {
    return new CommandVerdict(c, null, c.verb(), "accepted");
  }

  static CommandVerdict reject(CommandRejection r, String verb, String message) {
    return new CommandVerdict(null, r, verb, message);
  }
}
