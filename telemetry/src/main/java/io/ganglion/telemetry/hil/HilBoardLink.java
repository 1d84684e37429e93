package io.ganglion.telemetry.hil;

import io.ganglion.telemetry.mqtt.MqttSettings;

/**
 * The board's side of a lock-step HIL session: {@link #awaitSensors} waits for the sensors of the
 * next step on {@code hil/<session>/sensors}; {@link #answer} publishes the actuators for that
 * step on {@code hil/<session>/actuators} and keeps them, so that a retransmitted sensor frame of
 * an answered step is answered again from the cache without stepping the controller twice (which
 * keeps a HIL run bit-identical to a local one). Used by the board's loop thread.
 */
public final class HilBoardLink extends HilEndpoint {

  private final HilFrame incoming;
  private final double[] lastAnswer;
  private int lastAnswerCount;
  private long lastAnsweredSeq = -1;
  private long lastAnsweredTUs;
  private long duplicates;
  private long answers;

  private HilBoardLink(MqttSettings mqtt, String session, int maxValues) {
    super(mqtt, HilTopics.sensors(session), HilTopics.actuators(session), maxValues);
    this.incoming = new HilFrame(maxValues);
    this.lastAnswer = new double[maxValues];
  }

  /** Connects (waiting at most {@code timeoutMillis}) and subscribes to the simulator's sensors. */
  public static HilBoardLink connect(MqttSettings mqtt, String session, int maxValues, long timeoutMillis) {
    HilBoardLink l = new HilBoardLink(mqtt, session, maxValues);
    l.connect(timeoutMillis);
    return l;
  }

  @Override
  boolean accepts(HilFrame.Kind kind) {
    return kind == HilFrame.Kind.SENSORS || kind == HilFrame.Kind.END;
  }

  /**
   * Waits at most {@code timeoutNanos} for the sensors of a step not answered yet (copied to
   * {@code dest}), or the end of the run (acknowledged on receipt). Sensors of the step already
   * answered are answered again.
   *
   * @return {@code SENSORS}, {@code END}, or null on timeout (the link is silent)
   */
  public HilFrame.Kind awaitSensors(HilFrame dest, long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    while (take(incoming, deadline)) {
      if (incoming.kind() == HilFrame.Kind.END) {
        dest.copyFrom(incoming);
        send(HilFrame.encode(HilFrame.Kind.END_ACK, incoming.seq(), incoming.tUs(), lastAnswer, 0, sendBuffer));
        return HilFrame.Kind.END;
      }
      if (incoming.seq() == lastAnsweredSeq) {
        duplicates++;
        send(HilFrame.encode(HilFrame.Kind.ACTUATORS, lastAnsweredSeq, lastAnsweredTUs, lastAnswer, lastAnswerCount,
            sendBuffer));
        continue;
      }
      dest.copyFrom(incoming);
      return HilFrame.Kind.SENSORS;
    }
    return null;
  }

  /** Publishes the actuators for step {@code seq} and remembers them. */
  public void answer(long seq, long tUs, double[] actuators, int n) {
    System.arraycopy(actuators, 0, lastAnswer, 0, n);
    lastAnswerCount = n;
    lastAnsweredSeq = seq;
    lastAnsweredTUs = tUs;
    answers++;
    send(HilFrame.encode(HilFrame.Kind.ACTUATORS, seq, tUs, actuators, n, sendBuffer));
  }

  /** Steps answered. */
  public long answers() {
    return answers;
  }

  /** Retransmitted sensor frames answered from the cache. */
  public long duplicates() {
    return duplicates;
  }
}
