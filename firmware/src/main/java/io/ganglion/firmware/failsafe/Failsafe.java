package io.ganglion.firmware.failsafe;

/**
 * The arming state machine ({@link ArmState}). Runs on the loop thread; allocation-free.
 *
 * <p><b>Conditions.</b> Each part of the loop that detects faults owns a slot and reports the full
 * set of fault bits it currently sees with {@link #report}: the safety monitor (e-stop, sensor
 * failures, stale inputs, deadline misses, lost link, non-finite sensor values), the controller task
 * (law fault flags, non-finite sensor values or commands). The active conditions are the union of all
 * slots. A slot's bits clear when its owner reports them gone.
 *
 * <p><b>Transitions.</b>
 * <ul>
 *   <li>ARMED and any condition active: FAILSAFE at once, inside the {@code report} call, and
 *       {@link SafeOutputs#enter} drives the actuators safe before it returns, i.e. in the same tick
 *       as the detection;
 *   <li>{@link #arm}: only from DISARMED, and only with no active condition;
 *   <li>{@link #disarm}: from ARMED or FAILSAFE;
 *   <li>{@link #rearm}: FAILSAFE to ARMED, only once every condition has cleared. FAILSAFE is
 *       latched: it never clears by itself.
 * </ul>
 * Each transition fills the one reused {@link FailsafeEvent} and hands it to the {@link EventSink}.
 */
public final class Failsafe {

  /** Slot of the safety monitor. */
  public static final int OWNER_MONITOR = 0;
  /** Slot of the controller task. */
  public static final int OWNER_CONTROLLER = 1;
  /** Slot for anything else (tests, future HIL or telemetry watchdogs). */
  public static final int OWNER_EXTERNAL = 2;
  private static final int OWNERS = 3;

  private final EventSink sink;
  private final SafeOutputs outputs;
  private final int[] ownerBits = new int[OWNERS];
  private final FailsafeEvent event = new FailsafeEvent();
  private ArmState state = ArmState.DISARMED;
  private int conditions;
  private long transitions;
  private long trips;
  private long refusedRequests;
  private boolean everArmed;
  private boolean disarmRequested;

  public Failsafe(EventSink sink, SafeOutputs outputs) {
    this.sink = sink == null ? EventSink.NONE : sink;
    this.outputs = outputs == null ? s -> {} : outputs;
  }

  /** The current state. */
  public ArmState state() {
    return state;
  }

  /** Active fault conditions, {@link FailsafeReason#bit()}s ORed. */
  public int conditions() {
    return conditions;
  }

  /** Transitions so far. */
  public long transitions() {
    return transitions;
  }

  /** Times the failsafe tripped (ARMED -> FAILSAFE). */
  public long trips() {
    return trips;
  }

  /** Arm, re-arm or disarm requests refused (wrong state or an active fault). */
  public long refusedRequests() {
    return refusedRequests;
  }

  /** Whether the firmware has been armed at least once. */
  public boolean everArmed() {
    return everArmed;
  }

  /**
   * Whether a disarm was ever requested through {@link FailsafeRequests} (taken by
   * {@link #applyRequests}, accepted or not): an operator's choice to stay disarmed, which cancels
   * a start-up auto-arm that has not happened yet.
   */
  public boolean disarmRequested() {
    return disarmRequested;
  }

  /**
   * Replaces the fault bits of slot {@code owner} with {@code bits}. When armed and a condition is
   * now active, trips to FAILSAFE at once; the event names the lowest newly raised fault, with
   * {@code source} and {@code detailFlags} describing it.
   *
   * @return true when this call tripped the failsafe
   */
  public boolean report(int owner, int bits, long nowNanos, String source, int detailFlags) {
    int before = conditions;
    ownerBits[owner] = bits;
    int all = 0;
    for (int i = 0; i < OWNERS; i++) {
      all |= ownerBits[i];
    }
    conditions = all;
    if (state == ArmState.ARMED && all != 0) {
      int raised = bits & ~before;
      FailsafeReason reason = FailsafeReason.lowestFault(raised != 0 ? raised : all);
      trips++;
      transition(ArmState.FAILSAFE, reason, nowNanos, source, detailFlags);
      return true;
    }
    return false;
  }

  /** {@link #report(int, int, long, String, int)} without a source. */
  public boolean report(int owner, int bits, long nowNanos) {
    return report(owner, bits, nowNanos, "", 0);
  }

  /** DISARMED -> ARMED when no condition is active; returns whether it armed. */
  public boolean arm(long nowNanos, FailsafeReason why) {
    if (state != ArmState.DISARMED || conditions != 0) {
      refusedRequests++;
      return false;
    }
    everArmed = true;
    transition(ArmState.ARMED, why, nowNanos, "", 0);
    return true;
  }

  /** ARMED or FAILSAFE -> DISARMED; returns whether the state changed. */
  public boolean disarm(long nowNanos, FailsafeReason why) {
    if (state == ArmState.DISARMED) {
      refusedRequests++;
      return false;
    }
    transition(ArmState.DISARMED, why, nowNanos, "", 0);
    return true;
  }

  /** FAILSAFE -> ARMED once every condition has cleared; returns whether it re-armed. */
  public boolean rearm(long nowNanos) {
    if (state != ArmState.FAILSAFE || conditions != 0) {
      refusedRequests++;
      return false;
    }
    transition(ArmState.ARMED, FailsafeReason.REARM_REQUEST, nowNanos, "", 0);
    return true;
  }

  /**
   * Applies the requests pending in {@code requests} (a disarm wins over arm and re-arm pending with
   * it). Call on the loop thread, once per safety tick, after {@link #report}.
   */
  public void applyRequests(FailsafeRequests requests, long nowNanos) {
    int r = requests.take();
    if (r == 0) {
      return;
    }
    if ((r & FailsafeRequests.DISARM) != 0) {
      disarmRequested = true;
      disarm(nowNanos, FailsafeReason.DISARM_REQUEST);
      return;
    }
    if ((r & FailsafeRequests.REARM) != 0) {
      rearm(nowNanos);
    }
    if ((r & FailsafeRequests.ARM) != 0) {
      arm(nowNanos, FailsafeReason.ARM_REQUEST);
    }
  }

  private void transition(ArmState to, FailsafeReason reason, long nowNanos, String source, int detailFlags) {
    ArmState from = state;
    state = to;
    transitions++;
    outputs.enter(to);
    event.sequence = transitions;
    event.timeNanos = nowNanos;
    event.from = from;
    event.to = to;
    event.reason = reason;
    event.conditions = conditions;
    event.source = source == null ? "" : source;
    event.detailFlags = detailFlags;
    sink.onEvent(event);
  }
}
