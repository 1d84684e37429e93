package io.ganglion.telemetry.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.drivers.GanglionException;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.Topics;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The operator side: signs commands and publishes them on {@code robots/<board>/cmd/<verb>} with
 * QoS 1 (not retained), waiting for the broker's acknowledgement.
 */
public final class CommandSender implements AutoCloseable {

  private final MqttClient client;
  private final CommandSigner signer;

  /** Connects now. */
  public CommandSender(MqttSettings mqtt, CommandSigner signer) {
    this.signer = signer;
    try {
      this.client = new MqttClient(mqtt.serverUri(), mqtt.clientId(), new MemoryPersistence());
      client.connect(mqtt.connectOptions());
    } catch (MqttException e) {
      throw new GanglionException("cannot connect to " + mqtt.serverUri() + " to send commands: " + e.getMessage(), e);
    }
  }

  /** Signs and sends {@code verb} with {@code args} (null: none) to {@code board}; returns the payload sent. */
  public byte[] send(String board, String verb, JsonNode args) {
    byte[] payload = signer.sign(board, verb, args);
    sendRaw(Topics.command(board, verb), payload);
    return payload;
  }

  /** Publishes an already signed (or deliberately unsigned) payload. */
  public void sendRaw(String topic, byte[] payload) {
    try {
      client.publish(topic, payload, Topics.RELIABLE_QOS, false);
    } catch (MqttException e) {
      throw new GanglionException("cannot publish the command on " + topic + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(1_000);
      }
      client.close();
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
