package io.ganglion.telemetry.mqtt;

/**
 * Receives messages of a subscription. Called on the MQTT client's callback thread: it must not
 * block for long; whatever it throws is caught and counted (never propagated into the client,
 * which would drop the connection).
 */
@FunctionalInterface
public interface MessageHandler {

  /** One received message. */
  void onMessage(String topic, byte[] payload, int qos, boolean retained);
}
