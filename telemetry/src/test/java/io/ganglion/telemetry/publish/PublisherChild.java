package io.ganglion.telemetry.publish;

import io.ganglion.telemetry.mqtt.MqttSettings;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A board process for tests: publishes at about 1 kHz until it is killed. Args: broker URL, board id. */
public final class PublisherChild {

  private PublisherChild() {}

  public static void main(String[] args) throws Exception {
    TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of(args[0], "ganglion-" + args[1]),
        new BoardIdentity(args[1], "0.1.0-child", "feed", "ncap"), List.of(TelemetryPublisherBrokerTest.JOINTS),
        PublisherConfig.defaults());
    p.start();
    if (!p.awaitConnected(10, TimeUnit.SECONDS)) {
      System.out.println("failed " + p.lastConnectionError());
      System.exit(1);
    }
    System.out.println("connected");
    double[] values = new double[4];
    for (long i = 0; ; i++) {
      values[0] = i;
      p.offer(0, i * 1000, values);
      Thread.sleep(1);
    }
  }
}
