package io.ganglion.firmware.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.telemetry.hil.HilFrame;
import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

/**
 * The board side of a HIL step, once warm, allocates nothing: decode the simulator's sensor frame,
 * take it as the board's inputs, read every encoder and the IMU through their HIL seams, apply the
 * law's commands to the servo seam and encode the actuator frame into the send buffer (what
 * {@link HilBoard#run} and {@code HilBoardLink} do per step; the MQTT publish after it is Paho's).
 */
class HilBoardIoAllocationTest {

  private long seq;

  @Test
  void theBoardsHilIoStepAllocatesNothing() throws Exception {
    BoardConfig board = HilSwimmerBitIdentityTest.board();
    int joints = board.jointCount();
    VirtualClock clock = new VirtualClock();
    int words = HilSensorLayout.sensorWords(joints, true);
    HilInputs inputs = new HilInputs(joints, words);
    EncoderIOHil[] encoders = new EncoderIOHil[joints];
    EncoderInputs[] read = new EncoderInputs[joints];
    EncoderInputs[] simulated = new EncoderInputs[joints];
    for (int j = 0; j < joints; j++) {
      encoders[j] = new EncoderIOHil(inputs, j, clock);
      read[j] = new EncoderInputs();
      simulated[j] = new EncoderInputs();
      simulated[j].connected = true;
      simulated[j].valid = true;
    }
    ImuIOHil imu = new ImuIOHil(inputs, clock);
    ImuInputs imuRead = new ImuInputs();
    ImuInputs imuSimulated = new ImuInputs();
    imuSimulated.connected = true;
    imuSimulated.valid = true;
    ServoIOHil servo = new ServoIOHil(board.joints(), clock);
    double[] commands = new double[joints];
    double[] sensorValues = new double[words];
    byte[] sensorPayload = new byte[HilFrame.sizeBytes(words)];
    HilFrame incoming = new HilFrame(words);
    HilFrame frame = new HilFrame(words);
    double[] actuators = new double[HilSensorLayout.actuatorWords(joints)];
    byte[] sendBuffer = new byte[HilFrame.sizeBytes(Math.max(words, actuators.length))];

    AllocationMeter.Block step = () -> {
      // the simulator's side (fresh readings each step, so nothing is constant)
      long s = seq++;
      long tUs = s * 1_000;
      for (int j = 0; j < joints; j++) {
        simulated[j].angleRad = 0.01 * ((s + j) % 300) - 1.5;
        simulated[j].positionRad = simulated[j].angleRad;
        simulated[j].velocityRadPerSec = 0.5 * j;
        simulated[j].timestampNanos = tUs * 1_000;
      }
      imuSimulated.gyroRadPerSec[2] = 0.001 * (s % 1000);
      int n = HilSensorLayout.pack(simulated, imuSimulated, sensorValues);
      HilFrame.encode(HilFrame.Kind.SENSORS, s, tUs, sensorValues, n, sensorPayload);
      // the board's side
      if (incoming.decode(sensorPayload) != null) {
        throw new AssertionError("a valid sensor frame was rejected");
      }
      frame.copyFrom(incoming);
      long t = frame.tUs() * 1_000;
      clock.sleepUntil(t);
      inputs.set(frame.values(), frame.count(), t);
      for (int j = 0; j < joints; j++) {
        encoders[j].updateInputs(read[j]);
        commands[j] = -read[j].angleRad / 2;
      }
      imu.updateInputs(imuRead);
      servo.apply(commands);
      int m = servo.actuators(actuators);
      HilFrame.encode(HilFrame.Kind.ACTUATORS, frame.seq(), frame.tUs(), actuators, m, sendBuffer);
    };
    step.run();
    assertEquals(simulated[2].angleRad, read[2].angleRad, 0.0, "the board reads what the simulator sent");
    assertTrue(read[0].valid && imuRead.valid, "encoders and IMU read valid from a frame");
    assertNull(new HilFrame(actuators.length).decode(java.util.Arrays.copyOf(sendBuffer,
        HilFrame.sizeBytes(HilSensorLayout.actuatorWords(joints)))), "the actuator frame decodes");
    AllocationMeter.assertAllocationFree("HIL board IO step (" + joints + " joints + IMU)", step);
  }
}
