package io.ganglion.firmware.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates a board configuration (YAML, see docs/firmware.md and
 * {@code firmware/examples/}). Every mistake is reported, each with its field path and what is
 * allowed; unknown keys are mistakes too (with the closest known key as a suggestion). Nothing is
 * opened or connected: devices are only described.
 */
public final class BoardConfigLoader {

  static final String[] TOP_KEYS = {
    "board", "loop", "tasks", "law", "failsafe", "pwm", "joints", "imu", "estop", "status_led", "telemetry", "sim"
  };
  static final String NAME_REGEX = "[A-Za-z0-9_.-]{1,32}";
  static final String NAME_RULE = "1..32 letters, digits, '_', '.', '-'";

  private BoardConfigLoader() {}

  /**
   * Loads {@code file}; relative paths inside it (law params, key file) are resolved against its
   * directory.
   *
   * @throws BoardConfigException listing every mistake
   * @throws InvalidInputException when the file cannot be read
   */
  public static BoardConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("config file " + file + (Files.exists(file) ? " is not a regular file"
          : " does not exist") + "; examples are in firmware/examples/");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException("cannot read config file " + file + ": " + e.getMessage());
    }
    String text = utf8Text(bytes, file);
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file, dir);
  }

  /**
   * The file's text, or an {@link InvalidInputException} naming the first byte that makes it not a
   * UTF-8 text file: an invalid UTF-8 sequence or a NUL byte (a binary file).
   */
  static String utf8Text(byte[] bytes, Path file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw notText(file, in.position(), String.format("byte 0x%02X is not valid UTF-8", bytes[in.position()] & 0xFF));
    }
    decoder.flush(out);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw notText(file, i, "a NUL byte (binary data)");
      }
    }
    return out.flip().toString();
  }

  private static InvalidInputException notText(Path file, int offset, String what) {
    return new InvalidInputException("config file " + file + " is not a UTF-8 text YAML file (byte offset " + offset
        + ": " + what + "); give a board file saved as UTF-8 text (examples in firmware/examples/)");
  }

  /**
   * Parses configuration text.
   *
   * @param source named in messages (may be null)
   * @param baseDir directory against which relative paths are resolved
   */
  public static BoardConfig parse(String yaml, Path source, Path baseDir) {
    return parse(yaml, source, baseDir, root -> { });
  }

  /**
   * Parses configuration text after {@code edit} changed its parsed tree (a replay points
   * {@code law.params_file} at the tick log's copy of the file, wherever the text said it was).
   */
  public static BoardConfig parse(String yaml, Path source, Path baseDir, java.util.function.Consumer<JsonNode> edit) {
    ConfigErrors errors = new ConfigErrors();
    JsonNode root = readTree(yaml, "", errors, false);
    errors.throwIfAny(source);
    if (root == null || root.isMissingNode() || root.isNull()) {
      errors.add("", "the file is empty; a board config needs at least board, tasks, law, pwm, joints and estop"
          + " (see firmware/examples/)");
      errors.throwIfAny(source);
    }
    edit.accept(root);
    YamlObject top = YamlObject.of(root, "", errors, TOP_KEYS);
    errors.throwIfAny(source);
    BoardConfig config = new BoardReader(top, errors, source, baseDir).read();
    errors.throwIfAny(source);
    return config;
  }

  /** Parses YAML (or JSON, a subset) text; a syntax error is recorded at {@code path} with its line and column. */
  static JsonNode readTree(String text, String path, ConfigErrors errors, boolean json) {
    ObjectMapper mapper = json ? new ObjectMapper() : new YAMLMapper();
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": ";
      String msg = e.getOriginalMessage().replaceAll("\\s+", " ").strip();
      errors.add(path, where + (msg.startsWith("Duplicate field") ? msg.replace("Duplicate field", "duplicate key")
          + "; each key may appear once" : "not valid " + (json ? "JSON" : "YAML") + ": " + msg));
      return null;
    }
  }

  /** Reads the whole tree once the top level is known to be a mapping. */
  static final class BoardReader {
    final YamlObject top;
    final ConfigErrors errors;
    final Path source;
    final Path baseDir;

    BoardReader(YamlObject top, ConfigErrors errors, Path source, Path baseDir) {
      this.top = top;
      this.errors = errors;
      this.source = source;
      this.baseDir = baseDir;
    }

    BoardConfig read() {
      // the rule of io.ganglion.telemetry.protocol.Names.isBoardId: the id becomes a topic level
      String boardId = top.string("board", "[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
          "the board id: 1..64 letters, digits, '_', '-', starting with a letter or digit"
              + " (used in MQTT topics robots/<id>/...)", null);
      DeviceSections devices = new DeviceSections(top, errors);
      devices.read();
      RuntimeSections runtime = new RuntimeSections(top, errors, baseDir, devices, boardId);
      runtime.read();
      LawSection law = new LawSection(top, errors, baseDir, devices.jointCount());
      LawConfig lawConfig = law.read();
      new BoardChecks(errors, devices).check();
      if (!errors.isEmpty()) {
        return null;
      }
      return new BoardConfig(source, boardId, runtime.loop, runtime.tasks, lawConfig, runtime.failsafe,
          devices.pwmConfig(), devices.encoderConfigs(), devices.imu, devices.estop, devices.statusLed,
          runtime.telemetry, runtime.sim);
    }
  }

  /** The top-level keys, for documentation and tests. */
  public static List<String> topLevelKeys() {
    return List.of(TOP_KEYS);
  }
}
