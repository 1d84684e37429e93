package io.ganglion.telemetry.protocol;

import java.util.Objects;

/**
 * One named, typed field of a telemetry stream. The name carries the SI unit as a suffix
 * ({@code angle_rad}, {@code torque_nm}). {@code nonFiniteAllowed} lets a floating-point field hold
 * NaN or an infinity (e.g. "no reading"); otherwise such a value is rejected by the decoders.
 *
 * @param name a valid {@link Names#isFieldName field name}
 * @param type the value type
 * @param nonFiniteAllowed whether NaN/infinity may appear (floating-point types only)
 */
public record StreamField(String name, FieldType type, boolean nonFiniteAllowed) {

  /** Validates the name and that only floating-point fields allow non-finite values. */
  public StreamField {
    Names.requireFieldName(name);
    Objects.requireNonNull(type, "type");
    if (nonFiniteAllowed && !type.isFloatingPoint()) {
      throw new io.ganglion.drivers.InvalidInputException("field '" + name + "' of type " + type.jsonName()
          + " cannot allow non-finite values; only f32 and f64 can hold NaN or infinity");
    }
  }

  /** The JSON descriptor type: the type name, with {@code ?} appended when non-finite values are allowed. */
  public String jsonType() {
    return nonFiniteAllowed ? type.jsonName() + "?" : type.jsonName();
  }
}
