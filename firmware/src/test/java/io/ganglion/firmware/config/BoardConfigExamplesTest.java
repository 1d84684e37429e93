package io.ganglion.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.gpio.Pull;
import io.ganglion.firmware.runtime.OverrunPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BoardConfigExamplesTest {

  private static final Path EXAMPLES = Path.of("examples");

  @Test
  void theSwimmerExampleDescribesFiveMuxedJointsNcapAndTheRates() {
    BoardConfig c = BoardConfigLoader.load(EXAMPLES.resolve("swimmer6.yaml"));
    assertEquals("swimmer6", c.boardId());
    assertEquals(5, c.jointCount());
    assertEquals(1_000_000L, c.tasks().periodNanos(TaskKind.SERVO));
    assertEquals(30_000_000L, c.tasks().periodNanos(TaskKind.CONTROLLER));
    assertEquals(5_000_000L, c.tasks().periodNanos(TaskKind.IMU));
    assertEquals(4_000_000L, c.tasks().periodNanos(TaskKind.ENCODERS));
    assertEquals(20_000_000L, c.tasks().periodNanos(TaskKind.TELEMETRY));
    assertEquals(OverrunPolicy.SKIP, c.loop().overrun());
    assertEquals("ncap", c.law().name());
    NcapConfig ncap = c.law().ncap();
    assertEquals(5, ncap.jointCount());
    assertEquals(60, ncap.oscillatorPeriodSteps());
    assertEquals(NcapConfig.Layout.SHARED, ncap.layout());
    assertEquals(EXAMPLES.resolve("ncap6.yaml").toAbsolutePath().normalize(), c.law().paramsFile());
    for (int i = 0; i < 5; i++) {
      As5600Config e = c.encoders().get(i);
      assertEquals("j" + i, e.name());
      assertEquals(0x36, e.address());
      assertEquals(0x70, e.mux().address());
      assertEquals(i, e.mux().channel());
      assertEquals(i, c.joints().get(i).channel());
      assertEquals(0.0, c.joints().get(i).safeCommand());
    }
    assertEquals(0x40, c.pwm().address());
    assertEquals(0x68, c.imu().address());
    assertEquals(17, c.estop().pin());
    assertEquals(Pull.UP, c.estop().pull());
    assertEquals(27, c.statusLed().pin());
    assertEquals("GANGLION_MQTT_USER", c.telemetry().usernameEnv());
    assertEquals("swimmer6", c.telemetry().clientId());
    assertEquals(6, c.sim().swimmer().bodies());
    assertEquals(9, c.deviceConfigs().size(), "pwm, 5 encoders, imu, e-stop, LED");
  }

  @Test
  void theDiffDriveExampleHasTwoWheelsTheDriveLawAndItsModel() {
    BoardConfig c = BoardConfigLoader.load(EXAMPLES.resolve("diffdrive.yaml"));
    assertEquals(2, c.jointCount());
    assertEquals("drive", c.law().name());
    assertNull(c.law().ncap());
    DriveParams p = c.law().drive();
    assertEquals(0.03, p.wheelRadiusM());
    assertEquals(0.15, p.trackM());
    assertEquals(0.2, p.vMS());
    assertEquals(-1, c.joints().get(1).direction());
    assertEquals(-1, c.encoders().get(1).direction());
    assertEquals(3, c.encoders().get(1).bus());
    assertNull(c.encoders().get(0).mux());
    assertNotNull(c.sim().diffdrive());
    assertEquals(0.001, c.sim().diffdrive().timestepS());
    assertEquals(20_000_000L, c.tasks().periodNanos(TaskKind.CONTROLLER));
  }

  @Test
  void theMinimalTestBoardGetsTheDocumentedDefaults() {
    BoardConfig c = ConfigText.parse(ConfigText.VALID);
    assertEquals(FailsafeConfig.defaults(), c.failsafe());
    assertEquals(LoopConfig.defaults(), c.loop());
    assertEquals(NcapConfig.defaults(2).toString(), c.law().ncap().toString());
    assertEquals(1, c.joints().get(0).direction());
    assertEquals(-1.0, c.joints().get(0).limitMin());
    assertEquals("pca9685", c.pwm().name());
    assertEquals("estop", c.estop().name());
    assertEquals(3, c.estop().pressSamples());
    assertEquals(50, c.estop().releaseSamples());
    assertEquals(4, c.imu().accelRangeG());
    assertNull(c.telemetry());
    assertNull(c.sim());
  }
}
