package io.ganglion.drivers.events;

import java.nio.file.Path;

/**
 * An event file with the sensor size to read it with: the config's or the file's declared size
 * as it is (so readers name that source in their errors), else the extent of its events, measured
 * by a first pass ({@link EventFiles#scan}) and given to {@link #config}. The size stays unknown
 * only for a file with no events and no declared size.
 *
 * @param observed whether the size is the extent of the events (not declared)
 * @param config the reader config to read the file with
 */
public record SizedEventFile(SensorSize size, boolean observed, EventReaderConfig config) {

  public static SizedEventFile of(Path file, EventReaderConfig config) {
    SensorSize declared;
    try (EventReader probe = EventFiles.open(file, config)) {
      declared = probe.sensorSize();
    }
    if (declared.isKnown()) {
      return new SizedEventFile(declared, false, config);
    }
    SensorSize extent = EventFiles.scan(file, config).observedSize();
    return new SizedEventFile(extent, true,
        extent.isKnown() ? config.withSensorSize(extent.width(), extent.height()) : config);
  }
}
