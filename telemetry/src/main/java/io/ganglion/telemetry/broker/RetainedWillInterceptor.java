package io.ganglion.telemetry.broker;

import io.moquette.broker.Server;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes Moquette 0.17 honour the retain flag of last wills: it delivers a will to current
 * subscribers but does not store it as the topic's retained message, so a monitor connecting
 * after a board died would still see the board's retained {@code online} status. This interceptor
 * remembers each client's retained will at connect and, when the connection is lost (not on a
 * clean disconnect), republishes it as a retained message through the broker.
 */
final class RetainedWillInterceptor extends AbstractInterceptHandler {

  private record Will(String topic, byte[] payload, int qos) {}

  private final Map<String, Will> wills = new ConcurrentHashMap<>();
  private volatile Server server;

  void attach(Server s) {
    this.server = s;
  }

  @Override
  public String getID() {
    return "ganglion-retained-will";
  }

  @Override
  public void onConnect(InterceptConnectMessage msg) {
    if (msg.isWillFlag() && msg.isWillRetain() && msg.getWillTopic() != null) {
      wills.put(msg.getClientID(), new Will(msg.getWillTopic(), msg.getWillMessage().clone(), msg.getWillQos()));
    } else {
      wills.remove(msg.getClientID());
    }
  }

  @Override
  public void onDisconnect(InterceptDisconnectMessage msg) {
    wills.remove(msg.getClientID());
  }

  @Override
  public void onConnectionLost(InterceptConnectionLostMessage msg) {
    Will w = wills.remove(msg.getClientID());
    Server s = server;
    if (w == null || s == null) {
      return;
    }
    s.internalPublish(MqttMessageBuilders.publish()
        .topicName(w.topic())
        .retained(true)
        .qos(MqttQoS.valueOf(Math.min(1, w.qos())))
        .payload(Unpooled.copiedBuffer(w.payload()))
        .build(), "ganglion-embedded-broker");
  }

  @Override
  public void onSessionLoopError(Throwable error) {
    // Moquette logs it; nothing to add
  }
}
