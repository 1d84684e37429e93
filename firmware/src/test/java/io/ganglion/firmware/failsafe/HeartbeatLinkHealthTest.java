package io.ganglion.firmware.failsafe;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeartbeatLinkHealthTest {

  @Test
  void downBeforeTheFirstBeatUpWithinTheTimeoutDownAfterIt() {
    HeartbeatLinkHealth link = new HeartbeatLinkHealth(100);
    assertFalse(link.linkUp(0));
    link.beat(1_000);
    assertTrue(link.linkUp(1_000));
    assertTrue(link.linkUp(1_100));
    assertFalse(link.linkUp(1_101));
    link.beat(1_200);
    assertTrue(link.linkUp(1_250));
    link.markLost();
    assertFalse(link.linkUp(1_250));
  }
}
