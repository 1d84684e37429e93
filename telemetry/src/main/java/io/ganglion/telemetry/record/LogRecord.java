package io.ganglion.telemetry.record;

import java.util.Arrays;
import java.util.Objects;

/**
 * One recorded MQTT message.
 *
 * @param receiveTimeUs when the recorder received it, microseconds since the epoch
 * @param topic the topic
 * @param qos the QoS it was delivered with
 * @param retained the delivery's retain flag
 * @param payload the payload bytes
 */
public record LogRecord(long receiveTimeUs, String topic, int qos, boolean retained, byte[] payload) {

  /** Validates the QoS and topic. */
  public LogRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos " + qos + " is not 0, 1 or 2");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogRecord r && r.receiveTimeUs == receiveTimeUs && r.topic.equals(topic) && r.qos == qos
        && r.retained == retained && Arrays.equals(r.payload, payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(receiveTimeUs, topic, qos, retained, Arrays.hashCode(payload));
  }

  @Override
  public String toString() {
    return "LogRecord[" + receiveTimeUs + " us, " + topic + ", qos " + qos + (retained ? ", retained" : "") + ", "
        + payload.length + " B]";
  }
}
