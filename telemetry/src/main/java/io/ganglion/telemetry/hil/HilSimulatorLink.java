package io.ganglion.telemetry.hil;

import io.ganglion.telemetry.mqtt.MqttSettings;

/**
 * The simulator's side of a lock-step HIL session: {@link #exchange} publishes the sensors of step
 * {@code seq} on {@code hil/<session>/sensors}, waits for the board's actuators of the same
 * {@code seq} on {@code hil/<session>/actuators} (answers for other steps are ignored),
 * retransmits the sensors when no answer came within {@code retransmitNanos}, and gives up after
 * {@code timeoutNanos} (the caller pauses and reports). Used by one thread.
 */
public final class HilSimulatorLink extends HilEndpoint {

  private final HilFrame answer;
  private long exchanges;
  private long retransmits;
  private long timeouts;
  private long ignored;

  private HilSimulatorLink(MqttSettings mqtt, String session, int maxValues) {
    super(mqtt, HilTopics.actuators(session), HilTopics.sensors(session), maxValues);
    this.answer = new HilFrame(maxValues);
  }

  /** Connects (waiting at most {@code timeoutMillis}) and subscribes to the board's answers. */
  public static HilSimulatorLink connect(MqttSettings mqtt, String session, int maxValues, long timeoutMillis) {
    HilSimulatorLink l = new HilSimulatorLink(mqtt, session, maxValues);
    l.connect(timeoutMillis);
    return l;
  }

  @Override
  boolean accepts(HilFrame.Kind kind) {
    return kind == HilFrame.Kind.ACTUATORS;
  }

  /**
   * One lock-step exchange.
   *
   * @param actuatorsOut receives the board's answer for {@code seq}
   * @return true when answered; false after {@code timeoutNanos} without an answer
   */
  public boolean exchange(long seq, long tUs, double[] sensors, int n, HilFrame actuatorsOut, long retransmitNanos,
      long timeoutNanos) {
    int length = HilFrame.encode(HilFrame.Kind.SENSORS, seq, tUs, sensors, n, sendBuffer);
    long start = System.nanoTime();
    long giveUp = start + timeoutNanos;
    send(length);
    long nextSend = start + retransmitNanos;
    while (true) {
      long until = Math.min(giveUp, nextSend);
      if (take(answer, until)) {
        if (answer.seq() == seq) {
          actuatorsOut.copyFrom(answer);
          exchanges++;
          return true;
        }
        ignored++; // a late answer to an earlier step
        continue;
      }
      long now = System.nanoTime();
      if (now - giveUp >= 0) {
        timeouts++;
        return false;
      }
      HilFrame.encode(HilFrame.Kind.SENSORS, seq, tUs, sensors, n, sendBuffer);
      send(length);
      retransmits++;
      nextSend = now + retransmitNanos;
    }
  }

  /**
   * Tells the board the run is over: sent three times (QoS 0), a publish that fails (the link
   * reconnecting) tried again for up to a second, so a board is not left to give up on a link loss.
   */
  public void end(long seq, long tUs) {
    int length = HilFrame.encode(HilFrame.Kind.END, seq, tUs, new double[0], 0, sendBuffer);
    long deadline = System.nanoTime() + 1_000_000_000L;
    for (int sent = 0; sent < 3 && System.nanoTime() - deadline < 0; ) {
      if (send(length)) {
        sent++;
      } else {
        pollLink();
        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
      }
    }
  }

  /** Answered exchanges. */
  public long exchanges() {
    return exchanges;
  }

  /** Sensor frames sent again because no answer came in time. */
  public long retransmits() {
    return retransmits;
  }

  /** Exchanges that timed out. */
  public long timeouts() {
    return timeouts;
  }

  /** Answers to other steps, ignored. */
  public long ignoredAnswers() {
    return ignored;
  }
}
