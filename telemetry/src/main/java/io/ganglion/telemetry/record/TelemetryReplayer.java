package io.ganglion.telemetry.record;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.Topics;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Republishes a telemetry log to a broker: every record on its topic with its QoS and retain flag,
 * spaced like the original receive times divided by {@code speed} (or as fast as possible).
 * Command topics ({@code robots/<b>/cmd/...}) are skipped unless asked for: replayed commands are
 * refused by boards anyway (stale or replayed). What {@code ganglion telemetry replay} runs.
 */
public final class TelemetryReplayer {

  /**
   * @param speed time scale: 1 = original timing, 10 = ten times faster; 0 or infinity = as fast as possible
   * @param includeCommands also republish {@code cmd/} messages
   */
  public record Options(double speed, boolean includeCommands) {

    /** Validates the speed. */
    public Options {
      if (Double.isNaN(speed) || speed < 0) {
        throw new InvalidInputException("replay speed " + speed + " is invalid; use a factor > 0 (1 = real time) or 0 for as fast as possible");
      }
    }

    /** Original timing. */
    public static Options realTime() {
      return new Options(1.0, false);
    }

    /** No waiting between records. */
    public static Options asFastAsPossible() {
      return new Options(0, false);
    }

    boolean timed() {
      return speed > 0 && Double.isFinite(speed);
    }
  }

  /**
   * What a replay did.
   *
   * @param published records published
   * @param skipped command records skipped
   * @param log what reading the log found (a torn tail is reported, not replayed)
   * @param elapsedMillis wall time of the replay
   */
  public record Report(long published, long skipped, RecoveryReport log, long elapsedMillis) {}

  private TelemetryReplayer() {}

  /** Replays {@code log} to the broker of {@code mqtt}; returns when done (interrupt to stop early). */
  public static Report replay(Path log, MqttSettings mqtt, Options options) {
    // the log's header is checked first: a file that is not a log is an input error, whatever the broker
    try (TelemetryLogReader reader = new TelemetryLogReader(log)) {
      return replay(log, reader, mqtt, options);
    }
  }

  private static Report replay(Path log, TelemetryLogReader reader, MqttSettings mqtt, Options options) {
    MqttClient client;
    try {
      client = new MqttClient(mqtt.serverUri(), mqtt.clientId(), new MemoryPersistence());
      client.connect(mqtt.connectOptions());
    } catch (MqttException e) {
      throw new GanglionException("cannot connect to " + mqtt.serverUri() + " to replay " + log + ": " + e.getMessage(), e);
    }
    long startNanos = System.nanoTime();
    long published = 0;
    long skipped = 0;
    long previousUs = Long.MIN_VALUE;
    double recordedUs = 0; // recorded time replayed so far: exact integers up to 2^53 us (285 years)
    try {
      while (!Thread.currentThread().isInterrupted()) {
        long at = reader.nextRecordOffset();
        LogRecord r = reader.next();
        if (r == null) {
          break;
        }
        if (!options.includeCommands() && isCommandTopic(r.topic())) {
          skipped++;
          continue;
        }
        String unpublishable = unpublishable(r.topic());
        if (unpublishable != null) {
          // checked here: Paho throws on some of these and, for others, drops the connection in its sender
          // thread without ever completing the publish, so the replay would wait forever
          throw new InvalidInputException(log + ": the record at byte " + at + " has the topic '" + printable(r.topic())
              + "', which MQTT cannot publish (" + unpublishable + "); replay stopped after " + published
              + " messages");
        }
        if (options.timed()) {
          // due = start + (sum of the spacings so far) / speed; a receive time before the previous one (a log
          // appended after the clock was set back) is a spacing of 0, so the records after it keep theirs
          if (previousUs != Long.MIN_VALUE) {
            recordedUs += Math.max(0.0, (double) r.receiveTimeUs() - (double) previousUs);
          }
          previousUs = r.receiveTimeUs();
          waitUntil(startNanos, recordedUs * 1_000.0 / options.speed());
        }
        client.publish(r.topic(), r.payload(), r.qos(), r.retained());
        published++;
      }
      return new Report(published, skipped, reader.report(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    } catch (MqttException e) {
      throw new GanglionException("replay of " + log + " failed after " + published + " records: " + e.getMessage(), e);
    } finally {
      try {
        client.disconnect(1_000);
        client.close();
      } catch (MqttException e) {
        // closing anyway
      }
    }
  }

  /**
   * True for {@code robots/<b>/cmd/...}, whatever the levels hold: a board subscribed to {@code
   * robots/<b>/cmd/+} receives {@code cmd/ARM} too (and refuses it as malformed), so it is skipped
   * like a well-formed command.
   */
  static boolean isCommandTopic(String topic) {
    String[] levels = topic.split("/", -1);
    return levels.length >= 4 && levels[0].equals(Topics.ROOT) && levels[2].equals("cmd");
  }

  /**
   * Why Paho 1.2.5 refuses to publish on {@code topic}, or null: an empty topic, a wildcard, a
   * control character (U+0000 included), an unpaired surrogate, a noncharacter beyond the BMP, or
   * any character from U+FDD0 to U+FFFF (Paho's own rule; U+FFFD is what bytes that are not UTF-8
   * decode to).
   */
  static String unpublishable(String topic) {
    if (topic.isEmpty()) {
      return "it is empty";
    }
    if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
      return "it contains the wildcard + or #";
    }
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < topic.length() && Character.isLowSurrogate(topic.charAt(i + 1))) {
        int codePoint = topic.codePointAt(i);
        if ((codePoint & 0xFFFE) == 0xFFFE) {
          return String.format("it contains the noncharacter U+%X", codePoint);
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        return String.format("it contains the unpaired surrogate U+%04X", (int) c);
      } else if (Character.isISOControl(c)) {
        return String.format("it contains the control character U+%04X", (int) c);
      } else if (c == '\uFFFD') {
        return "it contains bytes that are not UTF-8";
      } else if (c >= '\uFDD0') {
        return String.format("it contains U+%04X; the MQTT client refuses U+FDD0..U+FFFF", (int) c);
      }
    }
    return null;
  }

  /** {@code topic} for a one-line message: control characters and those the client refuses escaped, at most 200 characters. */
  private static String printable(String topic) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    for (; i < topic.length() && sb.length() < 200; i++) {
      char c = topic.charAt(i);
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c >= '\uFDD0' || Character.isSurrogate(c)) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    return i < topic.length() ? sb + "..." : sb.toString();
  }

  /** Waits until {@code offsetNanos} after {@code startNanos} (in double: no overflow for any speed). */
  private static void waitUntil(long startNanos, double offsetNanos) {
    while (true) {
      double left = offsetNanos - (System.nanoTime() - startNanos);
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        return;
      }
      LockSupport.parkNanos((long) Math.min(left, 50_000_000.0));
    }
  }
}
