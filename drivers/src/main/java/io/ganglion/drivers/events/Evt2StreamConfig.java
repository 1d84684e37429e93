package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;

/**
 * Settings of a live EVT 2.0 network source ({@link TcpEvt2EventSource}, {@link UdpEvt2EventSource}).
 *
 * @param bindAddress the local address to listen on ("127.0.0.1" for this machine only,
 *     "0.0.0.0" for every interface)
 * @param port the TCP/UDP port; 0 picks a free one (see {@code localPort()})
 * @param sensorSize the sensor size to enforce (events outside are counted as malformed and
 *     dropped); UNKNOWN enforces only the 11-bit range (a RAW header sent over TCP may then give it)
 * @param ringCapacity events buffered between the receive thread and the loop; beyond that new
 *     events are dropped and counted
 * @param backwardsToleranceUs time jitter clamped instead of dropped (us)
 * @param staleAfterNanos UDP: the source counts as disconnected when no datagram came for this long
 */
public record Evt2StreamConfig(String bindAddress, int port, SensorSize sensorSize, int ringCapacity,
    long backwardsToleranceUs, long staleAfterNanos) {

  /** Checks the fields. */
  public Evt2StreamConfig {
    if (bindAddress == null || bindAddress.isBlank()) {
      throw new InvalidInputException("event stream: the bind address must be set (e.g. 127.0.0.1)");
    }
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("event stream: port must be 0..65535, got " + port);
    }
    if (sensorSize == null) {
      throw new InvalidInputException("event stream: sensor size must be set (SensorSize.UNKNOWN if unknown)");
    }
    if (ringCapacity < 2 || ringCapacity > 1 << 26) {
      throw new InvalidInputException("event stream: ring capacity must be 2..2^26 events, got " + ringCapacity);
    }
    if (backwardsToleranceUs < 0 || staleAfterNanos <= 0) {
      throw new InvalidInputException("event stream: tolerance must be >= 0 and the stale timeout > 0");
    }
  }

  /** Loopback on {@code port}, size unknown, 2^18-event ring, 1 ms tolerance, stale after 1 s. */
  public static Evt2StreamConfig loopback(int port) {
    return new Evt2StreamConfig("127.0.0.1", port, SensorSize.UNKNOWN, 1 << 18,
        EventReaderConfig.DEFAULT_BACKWARDS_TOLERANCE_US, 1_000_000_000L);
  }

  /** This config enforcing a sensor size. */
  public Evt2StreamConfig withSensorSize(SensorSize size) {
    return new Evt2StreamConfig(bindAddress, port, size, ringCapacity, backwardsToleranceUs, staleAfterNanos);
  }

  /** This config with another ring capacity. */
  public Evt2StreamConfig withRingCapacity(int events) {
    return new Evt2StreamConfig(bindAddress, port, sensorSize, events, backwardsToleranceUs, staleAfterNanos);
  }

  /** This config listening on another address. */
  public Evt2StreamConfig withBindAddress(String address) {
    return new Evt2StreamConfig(address, port, sensorSize, ringCapacity, backwardsToleranceUs, staleAfterNanos);
  }
}
