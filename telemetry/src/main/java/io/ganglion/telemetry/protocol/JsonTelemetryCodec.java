package io.ganglion.telemetry.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON telemetry payload, equivalent to the binary one (docs/telemetry.md):
 *
 * <pre>{@code
 * {"board":"b1","stream":"joints","stream_id":1,"seq":42,"version":1,
 *  "fields":{"angle_rad":"f64","torque_nm":"f32?"},
 *  "samples":[{"t_us":1000,"angle_rad":0.5,"torque_nm":null}]}
 * }</pre>
 *
 * Field values are in SI units; {@code q16} values are written as their exact real value (raw /
 * 65536); a non-finite value (allowed only by a {@code "?"} type) is written as {@code null} and
 * read back as NaN. Integers must be JSON integers; every member is required, none may be added,
 * duplicates are rejected.
 */
public final class JsonTelemetryCodec implements TelemetryCodec {

  /** Current JSON format version (member {@code version}). */
  public static final int VERSION = 1;
  /** The shared instance. */
  public static final JsonTelemetryCodec INSTANCE = new JsonTelemetryCodec();

  private static final Set<String> MEMBERS = Set.of("board", "stream", "stream_id", "seq", "version", "fields", "samples");

  private final JsonFactory factory;
  private final ObjectMapper mapper;

  private JsonTelemetryCodec() {
    factory = JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  @Override
  public TelemetryFormat format() {
    return TelemetryFormat.JSON;
  }

  @Override
  public byte[] encode(TelemetryBatch batch) {
    if (batch.size() == 0) {
      throw new IllegalArgumentException("cannot encode an empty batch of " + batch.schema().name());
    }
    StreamSchema s = batch.schema();
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + batch.size() * (16 + 24 * s.fieldCount()));
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("board", batch.board());
      g.writeStringField("stream", s.name());
      g.writeNumberField("stream_id", s.id());
      g.writeNumberField("seq", batch.seq());
      g.writeNumberField("version", VERSION);
      g.writeObjectFieldStart("fields");
      for (StreamField f : s.fields()) {
        g.writeStringField(f.name(), f.jsonType());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("samples");
      for (int i = 0; i < batch.size(); i++) {
        g.writeStartObject();
        g.writeNumberField("t_us", batch.tUs(i));
        for (int f = 0; f < s.fieldCount(); f++) {
          g.writeFieldName(s.field(f).name());
          writeValue(g, s.type(f), batch.raw(i, f));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("JSON encoding into memory failed", e);
    }
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator g, FieldType type, long raw) throws IOException {
    if (type.isNonFinite(raw)) {
      g.writeNull();
      return;
    }
    switch (type) {
      case F64:
        g.writeNumber(Double.longBitsToDouble(raw));
        break;
      case F32:
        g.writeNumber(Float.intBitsToFloat((int) raw));
        break;
      case Q16:
        g.writeNumber(((int) raw) / 65536.0);
        break;
      default:
        g.writeNumber(raw);
    }
  }

  @Override
  public TelemetryBatch decode(byte[] payload) {
    JsonNode root;
    try {
      root = mapper.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new InvalidPayloadException(RejectReason.MALFORMED_JSON, "not well-formed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidPayloadException(RejectReason.MALFORMED_JSON, "unreadable JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPayloadException(RejectReason.MALFORMED_JSON, "the payload is not a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!MEMBERS.contains(name)) {
        throw new InvalidPayloadException(RejectReason.UNEXPECTED_FIELD, "unexpected member '" + name + "'");
      }
    }
    long version = integer(root, "version", "");
    if (version != VERSION) {
      throw new InvalidPayloadException(RejectReason.UNSUPPORTED_VERSION,
          "version " + version + " is not supported (this reader knows version " + VERSION + ")");
    }
    String board = text(root, "board");
    if (!Names.isBoardId(board)) {
      throw new InvalidPayloadException(RejectReason.BAD_NAME, "invalid board id '" + board + "'");
    }
    String stream = text(root, "stream");
    if (!Names.isStreamName(stream)) {
      throw new InvalidPayloadException(RejectReason.BAD_NAME, "invalid stream name '" + stream + "'");
    }
    long streamId = integer(root, "stream_id", "");
    if (streamId < 0 || streamId > 0xFFFF) {
      throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, "stream_id " + streamId + " is outside 0..65535");
    }
    long seq = integer(root, "seq", "");
    if (seq < 0) {
      throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, "negative seq " + seq);
    }
    StreamSchema schema = new StreamSchema((int) streamId, stream, fields(member(root, "fields")));
    JsonNode samples = member(root, "samples");
    if (!samples.isArray()) {
      throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'samples' must be an array");
    }
    if (samples.size() == 0 || samples.size() > BinaryTelemetryCodec.MAX_SAMPLES) {
      throw new InvalidPayloadException(RejectReason.LENGTH_MISMATCH,
          "'samples' holds " + samples.size() + " samples; a batch holds 1.." + BinaryTelemetryCodec.MAX_SAMPLES);
    }
    TelemetryBatch batch = new TelemetryBatch(board, schema, samples.size());
    batch.reset(seq);
    long[] values = new long[schema.fieldCount()];
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < samples.size(); i++) {
      JsonNode sample = samples.get(i);
      String where = "samples[" + i + "]";
      if (!sample.isObject()) {
        throw new InvalidPayloadException(RejectReason.WRONG_TYPE, where + " must be an object");
      }
      if (sample.size() != schema.fieldCount() + 1) {
        for (Iterator<String> it = sample.fieldNames(); it.hasNext(); ) {
          String name = it.next();
          if (!name.equals("t_us") && schema.indexOf(name) < 0) {
            throw new InvalidPayloadException(RejectReason.UNEXPECTED_FIELD, where + " has undeclared field '" + name + "'");
          }
        }
      }
      long t = integer(sample, "t_us", where + ".");
      if (t < previous) {
        throw new InvalidPayloadException(RejectReason.TIME_NOT_MONOTONIC,
            where + ".t_us " + t + " is before the previous " + previous);
      }
      previous = t;
      for (int f = 0; f < schema.fieldCount(); f++) {
        StreamField field = schema.field(f);
        values[f] = rawValue(field, member(sample, field.name(), where + "."), where + "." + field.name());
      }
      batch.add(t, values, 0);
    }
    return batch;
  }

  private static List<StreamField> fields(JsonNode node) {
    if (!node.isObject()) {
      throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'fields' must be an object of name: type");
    }
    if (node.size() == 0 || node.size() > StreamSchema.MAX_FIELDS) {
      throw new InvalidPayloadException(RejectReason.BAD_HEADER, "'fields' declares " + node.size()
          + " fields; declare 1.." + StreamSchema.MAX_FIELDS);
    }
    List<StreamField> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!Names.isFieldName(e.getKey())) {
        throw new InvalidPayloadException(RejectReason.BAD_NAME, "invalid field name '" + e.getKey() + "'");
      }
      if (!e.getValue().isTextual()) {
        throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "fields." + e.getKey() + " must be a type name string");
      }
      String typeName = e.getValue().textValue();
      boolean nonFinite = typeName.endsWith("?");
      FieldType type = FieldType.ofJsonName(nonFinite ? typeName.substring(0, typeName.length() - 1) : typeName);
      if (type == null || (nonFinite && !type.isFloatingPoint())) {
        throw new InvalidPayloadException(RejectReason.UNKNOWN_TYPE, "fields." + e.getKey() + " has unknown type '"
            + typeName + "'; use u8, i32, i64, f32, f64, q16 (f32? and f64? allow null)");
      }
      fields.add(new StreamField(e.getKey(), type, nonFinite));
    }
    return fields;
  }

  private static long rawValue(StreamField field, JsonNode v, String where) {
    FieldType type = field.type();
    if (v.isNull()) {
      if (field.nonFiniteAllowed()) {
        return type.rawFromDouble(Double.NaN);
      }
      throw new InvalidPayloadException(RejectReason.NON_FINITE, where + " is null but the field requires finite values");
    }
    if (!v.isNumber()) {
      throw new InvalidPayloadException(RejectReason.WRONG_TYPE, where + " must be a number, got " + v.getNodeType());
    }
    switch (type) {
      case F64:
        return Double.doubleToRawLongBits(finite(v.doubleValue(), where));
      case F32: {
        double d = finite(v.doubleValue(), where);
        float f = (float) d;
        if (Float.isInfinite(f)) {
          throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, where + " = " + d + " overflows f32");
        }
        return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
      }
      case Q16: {
        double scaled = finite(v.doubleValue(), where) * 65536.0;
        if (scaled != Math.rint(scaled) || scaled < Integer.MIN_VALUE || scaled > Integer.MAX_VALUE) {
          throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, where + " = " + v.asText()
              + " is not a Q16.16 value (a multiple of 2^-16 within +-32768)");
        }
        return (long) scaled;
      }
      default: {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
          throw new InvalidPayloadException(v.isIntegralNumber() ? RejectReason.OUT_OF_RANGE : RejectReason.WRONG_TYPE,
              where + " = " + v.asText() + " must be a " + type.jsonName() + " integer");
        }
        long l = v.longValue();
        boolean inRange = type == FieldType.I64 || (type == FieldType.I32 && l == (int) l) || (type == FieldType.U8 && l >= 0 && l <= 255);
        if (!inRange) {
          throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, where + " = " + l + " is outside the " + type.jsonName() + " range");
        }
        return l;
      }
    }
  }

  private static double finite(double d, String where) {
    if (!Double.isFinite(d)) {
      throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, where + " overflows a double");
    }
    return d;
  }

  private static JsonNode member(JsonNode obj, String name) {
    return member(obj, name, "");
  }

  private static JsonNode member(JsonNode obj, String name, String prefix) {
    JsonNode v = obj.get(name);
    if (v == null) {
      throw new InvalidPayloadException(RejectReason.MISSING_FIELD, "missing member '" + prefix + name + "'");
    }
    return v;
  }

  private static String text(JsonNode obj, String name) {
    JsonNode v = member(obj, name);
    if (!v.isTextual()) {
      throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'" + name + "' must be a string");
    }
    return v.textValue();
  }

  private static long integer(JsonNode obj, String name, String prefix) {
    JsonNode v = member(obj, name, prefix);
    if (!v.isIntegralNumber()) {
      throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'" + prefix + name + "' must be an integer");
    }
    if (!v.canConvertToLong()) {
      throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, "'" + prefix + name + "' does not fit in 64 bits");
    }
    return v.longValue();
  }
}
