package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;
import java.util.Locale;

/** The event file formats Ganglion reads, and {@link #AUTO} for detection (docs/events.md). */
public enum EventFormat {
  /** Detect from the header/magic bytes, then the file extension, then the content. */
  AUTO("auto"),
  /** Prophesee EVT 2.0 raw: ASCII {@code %} header, little-endian 32-bit words. */
  EVT2("evt2"),
  /** iniVation/jAER AEDAT 2.0: ASCII {@code #} header, 8-byte big-endian records, DAVIS240 layout. */
  AEDAT2("aedat2"),
  /** RPG text: one {@code t x y p} line per event, t in seconds. */
  TEXT("txt"),
  /** N-MNIST binary: 5 bytes per event, 34 x 34 pixels. */
  NMNIST("nmnist");

  private final String cliName;

  EventFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line: auto, evt2, aedat2, txt, nmnist. */
  public String cliName() {
    return cliName;
  }

  /** The format named {@code name} (its CLI name, case-insensitive; "text" and "rpg" also mean txt). */
  public static EventFormat parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("text") || n.equals("rpg")) {
      return TEXT;
    }
    for (EventFormat f : values()) {
      if (f.cliName.equals(n)) {
        return f;
      }
    }
    throw new InvalidInputException("unknown event format '" + name + "'; use one of auto, evt2, aedat2, txt, nmnist");
  }
}
