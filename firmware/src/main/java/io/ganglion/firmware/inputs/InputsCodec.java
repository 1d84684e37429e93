package io.ganglion.firmware.inputs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Packs an AdvantageKit-style inputs object ({@code EncoderInputs}, {@code ImuInputs},
 * {@code ServoInputs}...: public fields of primitive types and final primitive arrays) into
 * doubles and back, exactly: doubles as they are, every other primitive as the bits of a long
 * ({@code Double.longBitsToDouble}), floats widened (exact). The layout is the public instance
 * fields sorted by name, arrays sized by the instance the codec was made for; {@link #layout()}
 * describes it (stored in logs so a reader can check it). Built once by reflection; packing and
 * unpacking allocate nothing.
 */
public final class InputsCodec {

  private static final int BOOLEAN = 0;
  private static final int INT = 1;
  private static final int LONG = 2;
  private static final int DOUBLE = 3;
  private static final int FLOAT = 4;

  private final Class<?> type;
  private final Field[] fields;
  private final int[] kinds;
  private final int[] lengths; // -1 for a scalar
  private final int words;
  private final String layout;

  private InputsCodec(Class<?> type, Field[] fields, int[] kinds, int[] lengths) {
    this.type = type;
    this.fields = fields;
    this.kinds = kinds;
    this.lengths = lengths;
    int w = 0;
    StringBuilder sb = new StringBuilder(type.getSimpleName()).append('{');
    for (int i = 0; i < fields.length; i++) {
      w += lengths[i] < 0 ? 1 : lengths[i];
      sb.append(i == 0 ? "" : ",").append(fields[i].getName()).append(':').append(fields[i].getType().getSimpleName());
      if (lengths[i] >= 0) {
        sb.setLength(sb.length() - 1);
        sb.append(lengths[i]).append(']');
      }
    }
    this.words = w;
    this.layout = sb.append('}').toString();
  }

  /** A codec for {@code sample}'s class, with its array lengths. */
  public static InputsCodec forInstance(Object sample) {
    Class<?> type = sample.getClass();
    List<Field> list = new ArrayList<>();
    for (Field f : type.getFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        list.add(f);
      }
    }
    list.sort(Comparator.comparing(Field::getName));
    Field[] fields = list.toArray(new Field[0]);
    int[] kinds = new int[fields.length];
    int[] lengths = new int[fields.length];
    try {
      for (int i = 0; i < fields.length; i++) {
        Class<?> t = fields[i].getType();
        Class<?> c = t.isArray() ? t.getComponentType() : t;
        kinds[i] = kind(type, fields[i], c);
        if (t.isArray()) {
          if (!Modifier.isFinal(fields[i].getModifiers())) {
            throw new IllegalArgumentException(type.getName() + "." + fields[i].getName() + ": arrays must be final");
          }
          lengths[i] = java.lang.reflect.Array.getLength(fields[i].get(sample));
        } else {
          lengths[i] = -1;
          if (Modifier.isFinal(fields[i].getModifiers())) {
            throw new IllegalArgumentException(type.getName() + "." + fields[i].getName() + ": scalar fields must not be final");
          }
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("cannot read " + type.getName() + ": " + e.getMessage(), e);
    }
    return new InputsCodec(type, fields, kinds, lengths);
  }

  private static int kind(Class<?> owner, Field f, Class<?> c) {
    if (c == boolean.class) {
      return BOOLEAN;
    }
    if (c == int.class || c == short.class || c == byte.class) {
      return INT;
    }
    if (c == long.class) {
      return LONG;
    }
    if (c == double.class) {
      return DOUBLE;
    }
    if (c == float.class) {
      return FLOAT;
    }
    throw new IllegalArgumentException(owner.getName() + "." + f.getName() + " has type " + c.getName()
        + "; inputs hold primitives and primitive arrays only");
  }

  /** Doubles one object takes. */
  public int words() {
    return words;
  }

  /** {@code Type{field:type,...,array:double[n]}}: what a log stores to check compatibility. */
  public String layout() {
    return layout;
  }

  /** Writes {@code o} into {@code dest} from {@code offset}; returns the next offset. */
  public int pack(Object o, double[] dest, int offset) {
    int at = offset;
    try {
      for (int i = 0; i < fields.length; i++) {
        Field f = fields[i];
        if (lengths[i] < 0) {
          dest[at++] = scalar(f, o, kinds[i]);
        } else {
          Object a = f.get(o);
          for (int j = 0; j < lengths[i]; j++) {
            dest[at++] = element(a, j, kinds[i]);
          }
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return at;
  }

  /** Reads {@code o}'s fields from {@code src} from {@code offset}; returns the next offset. */
  public int unpack(double[] src, int offset, Object o) {
    int at = offset;
    try {
      for (int i = 0; i < fields.length; i++) {
        Field f = fields[i];
        if (lengths[i] < 0) {
          setScalar(f, o, kinds[i], src[at++]);
        } else {
          Object a = f.get(o);
          for (int j = 0; j < lengths[i]; j++) {
            setElement(a, j, kinds[i], src[at++]);
          }
        }
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return at;
  }

  /** The class this codec packs. */
  public Class<?> type() {
    return type;
  }

  private static double bits(long v) {
    return Double.longBitsToDouble(v);
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  private static double scalar(Field f, Object o, int kind) throws IllegalAccessException {
    switch (kind) {
      case BOOLEAN:
        return bits(f.getBoolean(o) ? 1L : 0L);
      case INT:
        return bits(f.getInt(o));
      case LONG:
        return bits(f.getLong(o));
      case FLOAT:
        return f.getFloat(o);
      default:
        return f.getDouble(o);
    }
  }

  private static void setScalar(Field f, Object o, int kind, double v) throws IllegalAccessException {
    switch (kind) {
      case BOOLEAN -> f.setBoolean(o, bits(v) != 0);
      case INT -> {
        if (f.getType() == int.class) {
          f.setInt(o, (int) bits(v));
        } else if (f.getType() == short.class) {
          f.setShort(o, (short) bits(v));
        } else {
          f.setByte(o, (byte) bits(v));
        }
      }
      case LONG -> f.setLong(o, bits(v));
      case FLOAT -> f.setFloat(o, (float) v);
      default -> f.setDouble(o, v);
    }
  }

  private static double element(Object a, int j, int kind) {
    switch (kind) {
      case BOOLEAN:
        return bits(((boolean[]) a)[j] ? 1L : 0L);
      case INT:
        return a instanceof int[] ia ? bits(ia[j]) : a instanceof short[] sa ? bits(sa[j]) : bits(((byte[]) a)[j]);
      case LONG:
        return bits(((long[]) a)[j]);
      case FLOAT:
        return ((float[]) a)[j];
      default:
        return ((double[]) a)[j];
    }
  }

  private static void setElement(Object a, int j, int kind, double v) {
    switch (kind) {
      case BOOLEAN -> ((boolean[]) a)[j] = bits(v) != 0;
      case INT -> {
        if (a instanceof int[] ia) {
          ia[j] = (int) bits(v);
        } else if (a instanceof short[] sa) {
          sa[j] = (short) bits(v);
        } else {
          ((byte[]) a)[j] = (byte) bits(v);
        }
      }
      case LONG -> ((long[]) a)[j] = bits(v);
      case FLOAT -> ((float[]) a)[j] = (float) v;
      default -> ((double[]) a)[j] = v;
    }
  }

  @Override
  public String toString() {
    return layout + " (" + words + " words)";
  }
}
