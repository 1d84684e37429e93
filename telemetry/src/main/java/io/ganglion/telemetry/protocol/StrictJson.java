package io.ganglion.telemetry.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON reader/writer of every payload: duplicate members and trailing content are rejected,
 * NaN tokens are not accepted. Thread-safe.
 */
public final class StrictJson {

  private static final ObjectMapper MAPPER = new ObjectMapper(
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private StrictJson() {}

  /** The shared mapper (configured as above). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A new empty object node. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The compact UTF-8 bytes of {@code node}. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("JSON encoding into memory failed", e);
    }
  }

  /**
   * Parses a payload that must be one JSON object.
   *
   * @throws InvalidPayloadException ({@link RejectReason#MALFORMED_JSON}) otherwise
   */
  public static ObjectNode parseObject(byte[] payload) {
    JsonNode root;
    try {
      root = MAPPER.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new InvalidPayloadException(RejectReason.MALFORMED_JSON, "not well-formed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidPayloadException(RejectReason.MALFORMED_JSON, "unreadable JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidPayloadException(RejectReason.MALFORMED_JSON, "the payload is not a JSON object");
    }
    return (ObjectNode) root;
  }

  /** The required string member {@code name}. */
  public static String requiredText(JsonNode obj, String name) {
    JsonNode v = obj.get(name);
    if (v == null) {
      throw new InvalidPayloadException(RejectReason.MISSING_FIELD, "missing member '" + name + "'");
    }
    if (!v.isTextual()) {
      throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'" + name + "' must be a string");
    }
    return v.textValue();
  }

  /** The optional string member {@code name}, or null. */
  public static String optionalText(JsonNode obj, String name) {
    JsonNode v = obj.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'" + name + "' must be a string");
    }
    return v.textValue();
  }

  /** The required 64-bit integer member {@code name}. */
  public static long requiredLong(JsonNode obj, String name) {
    JsonNode v = obj.get(name);
    if (v == null) {
      throw new InvalidPayloadException(RejectReason.MISSING_FIELD, "missing member '" + name + "'");
    }
    if (!v.isIntegralNumber()) {
      throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'" + name + "' must be an integer");
    }
    if (!v.canConvertToLong()) {
      throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, "'" + name + "' does not fit in 64 bits");
    }
    return v.longValue();
  }
}
