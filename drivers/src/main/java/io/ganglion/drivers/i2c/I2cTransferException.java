package io.ganglion.drivers.i2c;

import io.ganglion.drivers.GanglionException;

/**
 * A transfer moved fewer bytes than asked. Thrown inside the drivers' periodic methods and
 * caught there (it becomes {@code DeviceFaults.BUS_ERROR}); it never leaves {@code updateInputs}.
 */
public final class I2cTransferException extends GanglionException {

  private static final long serialVersionUID = 1L;

  public I2cTransferException(String message) {
    super(message);
  }
}
