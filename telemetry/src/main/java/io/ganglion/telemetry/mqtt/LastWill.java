package io.ganglion.telemetry.mqtt;

/**
 * The message the broker publishes when the client vanishes without a clean disconnect.
 *
 * @param topic the topic
 * @param payload the payload
 * @param qos 0, 1 or 2
 * @param retained whether the broker keeps it as the topic's retained message
 */
public record LastWill(String topic, byte[] payload, int qos, boolean retained) {}
