package io.ganglion.firmware.core;

import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.gpio.EStopInputs;
import io.ganglion.drivers.gpio.StatusLedInputs;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.drivers.servo.ServoInputs;
import io.ganglion.firmware.law.LawInputs;

/**
 * Everything the tasks share, allocated once: the latest inputs of every device, their health, the
 * law's inputs and commands, and the commands applied. Only the loop thread touches it; read it
 * from elsewhere only once the loop has stopped.
 */
public final class LoopData {

  public final EncoderInputs[] encoders;
  public final SensorHealth[] encoderHealth;
  public final ImuInputs imu = new ImuInputs();
  public final SensorHealth imuHealth = new SensorHealth();
  public final EStopInputs estop = new EStopInputs();
  public final ServoInputs servo;
  public final SensorHealth servoHealth = new SensorHealth();
  public final StatusLedInputs led = new StatusLedInputs();
  public final LawInputs lawInputs;
  /** The law's last commands (before limits). */
  public final double[] lawCommands;
  /** What the servo task last sent while armed (after limits). */
  public final double[] limitedCommands;
  /** Control-law steps run. */
  public long lawSteps;
  /** Fault flags of the law's last step. */
  public int lawFaultFlags;
  /** Commands clamped by the actuator limits since start. */
  public long clampedCommands;
  /** Servo-task ticks. */
  public long servoTicks;

  public LoopData(int joints, int channels) {
    encoders = new EncoderInputs[joints];
    encoderHealth = new SensorHealth[joints];
    for (int i = 0; i < joints; i++) {
      encoders[i] = new EncoderInputs();
      encoderHealth[i] = new SensorHealth();
    }
    servo = new ServoInputs(channels);
    lawInputs = new LawInputs(joints);
    lawCommands = new double[channels];
    limitedCommands = new double[channels];
  }
}
