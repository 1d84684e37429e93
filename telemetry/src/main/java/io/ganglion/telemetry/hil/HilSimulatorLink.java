package io.ganglion.telemetry.hil;

import io.ganglion.telemetry.mqtt.MqttSettings;

/**
 * The simulator's side of a lock-step HIL session: {@link #exchange} publishes the sensors of step
 * {@code seq} on {@code hil/<session>/sensors}, waits for the board's actuators of the same
 * {@code seq} on {@code hil/<session>/actuators} (answers for other steps are ignored),
 * retransmits the sensors when no answer came within {@code retransmitNanos}, and gives up after
 * {@code timeoutNanos} (the caller pauses and reports). {@link #end} ends the run the same way,
 * until the board acknowledges. Used by one thread.
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
    return kind == HilFrame.Kind.ACTUATORS || kind == HilFrame.Kind.END_ACK;
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
    if (!sendUntilAnswered(length, HilFrame.Kind.ACTUATORS, seq, retransmitNanos, timeoutNanos)) {
      timeouts++;
      return false;
    }
    actuatorsOut.copyFrom(answer);
    exchanges++;
    return true;
  }

  /**
   * Tells the board the run is over and waits for its acknowledgement: END is sent again every
   * {@code retransmitNanos} without one (frames are QoS 0, and a publish can fail while the link
   * reconnects), until {@code timeoutNanos}. Without it a lost END would leave the board waiting
   * until it gives up.
   *
   * @return true when the board acknowledged the end of {@code seq}; false after {@code timeoutNanos}
   */
  public boolean end(long seq, long tUs, long retransmitNanos, long timeoutNanos) {
    int length = HilFrame.encode(HilFrame.Kind.END, seq, tUs, new double[0], 0, sendBuffer);
    return sendUntilAnswered(length, HilFrame.Kind.END_ACK, seq, retransmitNanos, timeoutNanos);
  }

  /**
   * Sends the frame encoded in the send buffer ({@code length} bytes), again every {@code
   * retransmitNanos} without an answer of kind {@code answerKind} for {@code seq} (answers to
   * other steps are ignored and counted), until {@code timeoutNanos}. The answer is left in
   * {@link #answer}. Returns whether it came.
   */
  private boolean sendUntilAnswered(int length, HilFrame.Kind answerKind, long seq, long retransmitNanos,
      long timeoutNanos) {
    long start = System.nanoTime();
    long giveUp = start + timeoutNanos;
    send(length);
    long nextSend = start + retransmitNanos;
    while (true) {
      long until = nextSend - giveUp < 0 ? nextSend : giveUp; // the earlier of two nanoTime instants
      if (take(answer, until)) {
        if (answer.kind() == answerKind && answer.seq() == seq) {
          return true;
        }
        ignored++; // a late answer to an earlier step (or an end acknowledged twice)
        continue;
      }
      long now = System.nanoTime();
      if (now - giveUp >= 0) {
        return false;
      }
      send(length); // the buffer still holds the frame: nothing else encodes into it meanwhile
      retransmits++;
      nextSend = now + retransmitNanos;
    }
  }

  /** Answered exchanges. */
  public long exchanges() {
    return exchanges;
  }

  /** Sensor and END frames sent again because no answer came in time. */
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
