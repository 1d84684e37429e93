package io.ganglion.firmware.hil;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.firmware.inputs.InputsCodec;

/**
 * The values of a HIL sensor frame: {@code [joints, imu?]} then, per joint, the simulator's
 * {@code EncoderInputs} (every field, {@link InputsCodec} layout), then its {@code ImuInputs} when
 * the world has an IMU. The board copies them into its own inputs unchanged, so its controller
 * sees exactly what a local simulation's controller sees.
 *
 * <p>Actuator frame values: {@code [disabled, command_0 .. command_{n-1}]}, the commands the
 * board's servo output holds after its limits and failsafe (its safe values when not armed).
 */
public final class HilSensorLayout {

  /** Header words: joint count, IMU present (0/1). */
  public static final int HEADER = 2;

  private static final InputsCodec ENCODER = InputsCodec.forInstance(new EncoderInputs());
  private static final InputsCodec IMU = InputsCodec.forInstance(new ImuInputs());

  private HilSensorLayout() {}

  /** Words of a sensor frame for {@code joints} joints and maybe an IMU. */
  public static int sensorWords(int joints, boolean imu) {
    return HEADER + joints * ENCODER.words() + (imu ? IMU.words() : 0);
  }

  /** Words of an actuator frame for {@code channels} outputs. */
  public static int actuatorWords(int channels) {
    return 1 + channels;
  }

  /** Packs the simulator's readings; returns the word count. Allocation-free. */
  public static int pack(EncoderInputs[] encoders, ImuInputs imu, double[] dest) {
    dest[0] = encoders.length;
    dest[1] = imu == null ? 0 : 1;
    int at = HEADER;
    for (EncoderInputs e : encoders) {
      at = ENCODER.pack(e, dest, at);
    }
    if (imu != null) {
      at = IMU.pack(imu, dest, at);
    }
    return at;
  }

  /**
   * Checks a received sensor frame against the board ({@code joints} encoders).
   *
   * @throws GanglionException when the simulator's world does not fit the board file
   */
  public static boolean check(double[] values, int count, int joints) {
    if (count < HEADER || values[0] != joints) {
      throw new GanglionException("HIL: the simulator sends " + (count < HEADER ? "no" : (int) values[0])
          + " joints but the board file has " + joints + "; run the same robot on both sides");
    }
    boolean imu = values[1] != 0;
    if (count != sensorWords(joints, imu)) {
      throw new GanglionException("HIL: a sensor frame of " + count + " values does not match " + joints
          + " joints" + (imu ? " and an IMU" : "") + " (" + sensorWords(joints, imu) + "); are both sides the same version?");
    }
    return imu;
  }

  /** Copies joint {@code joint}'s readings from a sensor frame into {@code into}. */
  static void unpackEncoder(double[] values, int joint, EncoderInputs into) {
    ENCODER.unpack(values, HEADER + joint * ENCODER.words(), into);
  }

  /** Copies the IMU readings (the frame must have them) into {@code into}. */
  static void unpackImu(double[] values, int joints, ImuInputs into) {
    IMU.unpack(values, HEADER + joints * ENCODER.words(), into);
  }
}
