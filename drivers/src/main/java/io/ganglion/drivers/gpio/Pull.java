package io.ganglion.drivers.gpio;

/** The input's internal pull resistor. */
public enum Pull {
  NONE,
  UP,
  DOWN
}
