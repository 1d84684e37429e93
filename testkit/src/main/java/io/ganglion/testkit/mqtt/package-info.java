/**
 * Broker fixtures for integration tests: a real {@code mosquitto} process on a free loopback port
 * ({@link io.ganglion.testkit.mqtt.MosquittoProcess}) and a raw MQTT CONNECT probe. No MQTT client
 * library: ProcessBuilder and sockets only.
 */
package io.ganglion.testkit.mqtt;
