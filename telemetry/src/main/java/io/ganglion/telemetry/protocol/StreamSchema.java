package io.ganglion.telemetry.protocol;

import io.ganglion.drivers.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The declaration of one telemetry stream: a 16-bit id, a name (the topic level after
 * {@code telemetry/}) and a fixed, ordered list of typed fields. Every sample of the stream has a
 * timestamp {@code t_us} and one value per field. Immutable.
 *
 * <pre>{@code
 * StreamSchema joints = StreamSchema.builder(1, "joints")
 *     .f64("angle_rad").f32("torque_nm").q16("drive_q16").u8("mode").build();
 * }</pre>
 */
public final class StreamSchema {

  /** Most fields a stream may declare. */
  public static final int MAX_FIELDS = 64;

  private final int id;
  private final String name;
  private final List<StreamField> fields;
  private final FieldType[] types;
  private final int sampleBytes;

  /**
   * @param id 0..65535
   * @param name a valid stream name
   * @param fields 1..64 fields with distinct names
   */
  public StreamSchema(int id, String name, List<StreamField> fields) {
    if (id < 0 || id > 0xFFFF) {
      throw new InvalidInputException("stream id " + id + " is out of range; use 0..65535");
    }
    this.id = id;
    this.name = Names.requireStreamName(name);
    if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
      throw new InvalidInputException("stream '" + name + "' has " + fields.size() + " fields; declare 1.." + MAX_FIELDS);
    }
    Set<String> seen = new HashSet<>();
    for (StreamField f : fields) {
      if (!seen.add(f.name())) {
        throw new InvalidInputException("stream '" + name + "' declares field '" + f.name() + "' twice; names must be unique");
      }
    }
    this.fields = List.copyOf(fields);
    this.types = new FieldType[fields.size()];
    int bytes = 8;
    for (int i = 0; i < types.length; i++) {
      types[i] = fields.get(i).type();
      bytes += types[i].sizeBytes();
    }
    this.sampleBytes = bytes;
  }

  /** Starts a schema declaration. */
  public static Builder builder(int id, String name) {
    return new Builder(id, name);
  }

  /** The stream id carried in binary payloads. */
  public int id() {
    return id;
  }

  /** The stream name (topic level). */
  public String name() {
    return name;
  }

  /** The fields in declaration (and wire) order. */
  public List<StreamField> fields() {
    return fields;
  }

  /** Number of fields. */
  public int fieldCount() {
    return types.length;
  }

  /** Type of field {@code index}. */
  public FieldType type(int index) {
    return types[index];
  }

  /** Field {@code index}. */
  public StreamField field(int index) {
    return fields.get(index);
  }

  /** Index of the field named {@code fieldName}, or -1. */
  public int indexOf(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }

  /** Bytes of one binary sample: 8 ({@code t_us}) plus the field sizes. */
  public int sampleBytes() {
    return sampleBytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StreamSchema && ((StreamSchema) o).id == id && ((StreamSchema) o).name.equals(name)
        && ((StreamSchema) o).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return (id * 31 + name.hashCode()) * 31 + fields.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("stream ").append(name).append(" (id ").append(id).append("):");
    for (StreamField f : fields) {
      sb.append(' ').append(f.name()).append(':').append(f.jsonType());
    }
    return sb.toString();
  }

  /** Declares fields in wire order. */
  public static final class Builder {
    private final int id;
    private final String name;
    private final List<StreamField> fields = new ArrayList<>();

    private Builder(int id, String name) {
      this.id = id;
      this.name = name;
    }

    /** Adds a field. */
    public Builder field(String fieldName, FieldType type, boolean nonFiniteAllowed) {
      fields.add(new StreamField(fieldName, type, nonFiniteAllowed));
      return this;
    }

    /** Adds a finite f64 field. */
    public Builder f64(String fieldName) {
      return field(fieldName, FieldType.F64, false);
    }

    /** Adds a finite f32 field. */
    public Builder f32(String fieldName) {
      return field(fieldName, FieldType.F32, false);
    }

    /** Adds an i32 field. */
    public Builder i32(String fieldName) {
      return field(fieldName, FieldType.I32, false);
    }

    /** Adds an i64 field. */
    public Builder i64(String fieldName) {
      return field(fieldName, FieldType.I64, false);
    }

    /** Adds a u8 field. */
    public Builder u8(String fieldName) {
      return field(fieldName, FieldType.U8, false);
    }

    /** Adds a Q16.16 field. */
    public Builder q16(String fieldName) {
      return field(fieldName, FieldType.Q16, false);
    }

    /** Builds the immutable schema. */
    public StreamSchema build() {
      return new StreamSchema(id, name, fields);
    }
  }
}
