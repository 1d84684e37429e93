package io.ganglion.controllers.ncap;

/**
 * The kinds of weight in the NCAP circuit, each with its sign constraint and default value.
 *
 * <p>Per joint i the circuit has a dorsal (d) and a ventral (v) B-neuron and a dorsal and a
 * ventral muscle. "d"/"v" in a name is the side of the neuron or muscle the weight feeds:
 *
 * <ul>
 *   <li>{@link #IN_D}, {@link #IN_V}: input onto B_d, B_v: the head oscillator at joint 0
 *       (w_osc), the same-side proprioceptive sensor of joint i-1 at joints i &gt; 0 (w_prop);
 *   <li>{@link #IPSI_D}: B_d onto muscle d; {@link #IPSI_V}: B_v onto muscle v (w_ipsi);
 *   <li>{@link #CONTRA_D}: B_v onto muscle d; {@link #CONTRA_V}: B_d onto muscle v (w_contra);
 *   <li>{@link #SPEED_D}, {@link #SPEED_V}: the speed unit's brake (1 - speed) onto B_d, B_v
 *       (w_speed, every joint);
 *   <li>{@link #TURN_D}, {@link #TURN_V}: the right turn unit onto joint 0's B_d, the left turn
 *       unit onto joint 0's B_v (w_turn).
 * </ul>
 *
 * <p>Sign constraints are applied where a weight is used ({@link #constrain}); the stored value is
 * left as given, so a trainer may push a weight across zero and the circuit sees 0.
 */
public enum NcapSynapse {
  IN_D(true),
  IN_V(true),
  IPSI_D(true),
  IPSI_V(true),
  CONTRA_D(false),
  CONTRA_V(false),
  SPEED_D(false),
  SPEED_V(false),
  TURN_D(true),
  TURN_V(true);

  private final boolean excitatory;

  NcapSynapse(boolean excitatory) {
    this.excitatory = excitatory;
  }

  /** True for excitatory weights (constrained to &gt;= 0), false for inhibitory (&lt;= 0). */
  public boolean excitatory() {
    return excitatory;
  }

  /** The default weight: +1 for excitatory, -1 for inhibitory synapses. */
  public double defaultWeight() {
    return excitatory ? 1.0 : -1.0;
  }

  /** The sign constraint: max(w, 0) for excitatory, min(w, 0) for inhibitory synapses. */
  public double constrain(double w) {
    return excitatory ? Math.max(w, 0.0) : Math.min(w, 0.0);
  }
}
