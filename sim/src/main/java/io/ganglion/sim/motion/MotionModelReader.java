package io.ganglion.sim.motion;

import static io.ganglion.sim.motion.MotionModelFile.FORMAT;
import static io.ganglion.sim.motion.MotionModelFile.VERSION;
import static io.ganglion.sim.motion.MotionModelFile.WEIGHT_LAYOUT;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.controllers.motion.MotionKernel;
import io.ganglion.drivers.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and checks one {@link MotionModelFile} tree: every key, type, range and count, rejecting
 * unknown keys; each problem is an {@link InvalidInputException} naming the file and the JSON path.
 */
final class MotionModelReader {

  private static final List<String> TOP_KEYS = List.of("format", "version", "geometry", "weight_layout", "classes",
      "spike_margin", "biases", "weights", "training");
  private static final List<String> GEOMETRY_KEYS = List.of("delays", "bin_us", "radius_px", "cell_px", "leak_us");
  private static final List<String> CLASS_KEYS = List.of("direction_deg", "speed_px_ms");
  private static final List<String> DENSE_KEYS = List.of("encoding", "values");
  private static final List<String> SPARSE_KEYS = List.of("encoding", "count", "index", "values");
  private static final List<String> TRAINING_KEYS = List.of("seed", "dataset", "command", "samples", "epochs",
      "train_accuracy", "held_out_movie_accuracy", "held_out_spike_accuracy");

  private final String name;

  MotionModelReader(String name) {
    this.name = name;
  }

  private InvalidInputException bad(String path, String what) {
    return new InvalidInputException(name + ": " + path + " " + what);
  }

  MotionModel model(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(name + ": not a motion model file (expected a JSON object with \"format\": \""
          + FORMAT + "\")");
    }
    JsonNode format = root.get("format");
    if (format == null || !format.isTextual() || !FORMAT.equals(format.asText())) {
      throw new InvalidInputException(name + ": not a motion model file: $.format must be \"" + FORMAT + "\", got "
          + (format == null ? "nothing" : format.toString()));
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
      throw bad("$.version", "must be an integer (this build reads version " + VERSION + ")");
    }
    if (version.asInt() == 1) {
      throw bad("$.version", "is 1: a model of the earlier detector (windows tiling the sensor), which this build"
          + " no longer runs; this build reads version " + VERSION + " only: retrain with 'ganglion motion train'");
    }
    if (version.asInt() != VERSION) {
      throw bad("$.version", "is " + version.asInt() + " but this build reads version " + VERSION
          + " only; use a matching build or retrain with 'ganglion motion train'");
    }
    keys(root, "$", TOP_KEYS, TOP_KEYS);
    MotionGeometry geometry = geometry(object(root, "$", "geometry"));
    String layout = text(root, "$", "weight_layout");
    if (!WEIGHT_LAYOUT.equals(layout)) {
      throw bad("$.weight_layout", "is \"" + layout + "\", expected \"" + WEIGHT_LAYOUT + "\"");
    }
    List<MotionClass> classes = classes(array(root, "$", "classes"));
    double margin = float32(field(root, "$", "spike_margin"), "$.spike_margin");
    double[] biases = numbers(array(root, "$", "biases"), "$.biases");
    if (biases.length != classes.size()) {
      throw bad("$.biases", "has " + biases.length + " values but there are " + classes.size() + " classes");
    }
    int expected = Math.multiplyExact(geometry.featureCount(), classes.size());
    double[] weights = weights(object(root, "$", "weights"), geometry, classes.size(), expected);
    TrainingInfo training = training(object(root, "$", "training"));
    try {
      return new MotionModel(geometry, classes, weights, biases, margin, training);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name + ": " + e.getMessage());
    }
  }

  private MotionGeometry geometry(JsonNode g) {
    keys(g, "$.geometry", GEOMETRY_KEYS, GEOMETRY_KEYS);
    try {
      return new MotionGeometry(integer(g, "$.geometry", "delays"), longInteger(g, "$.geometry", "bin_us"),
          integer(g, "$.geometry", "radius_px"), integer(g, "$.geometry", "cell_px"), longInteger(g, "$.geometry", "leak_us"));
    } catch (IllegalArgumentException e) {
      throw bad("$.geometry", "is invalid: " + e.getMessage());
    }
  }

  private List<MotionClass> classes(JsonNode a) {
    if (a.size() < 2) {
      throw bad("$.classes", "must list at least 2 classes, got " + a.size());
    }
    if (a.size() > MotionKernel.MAX_CLASSES) {
      // checked before the weight count (geometry x classes), which this would make huge or overflow
      throw bad("$.classes", "lists " + a.size() + " classes but the detector takes at most " + MotionKernel.MAX_CLASSES);
    }
    List<MotionClass> list = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String path = "$.classes[" + i + "]";
      JsonNode c = a.get(i);
      if (!c.isObject()) {
        throw bad(path, "must be an object {\"direction_deg\": ..., \"speed_px_ms\": ...}");
      }
      keys(c, path, CLASS_KEYS, CLASS_KEYS);
      try {
        list.add(new MotionClass(number(c, path, "direction_deg"), number(c, path, "speed_px_ms")));
      } catch (IllegalArgumentException e) {
        throw bad(path, "is invalid: " + e.getMessage());
      }
    }
    return list;
  }

  private double[] weights(JsonNode w, MotionGeometry geometry, int classes, int expected) {
    String encoding = text(w, "$.weights", "encoding");
    String need = geometry + " with " + classes + " classes needs " + expected
        + " weights (2 x delays x kernel^2 x classes)";
    if ("dense".equals(encoding)) {
      keys(w, "$.weights", DENSE_KEYS, DENSE_KEYS);
      double[] values = numbers(array(w, "$.weights", "values"), "$.weights.values");
      if (values.length != expected) {
        throw bad("$.weights.values", "has " + values.length + " numbers but the " + need);
      }
      return values;
    }
    if ("sparse".equals(encoding)) {
      keys(w, "$.weights", SPARSE_KEYS, SPARSE_KEYS);
      long count = longInteger(w, "$.weights", "count");
      if (count != expected) {
        throw bad("$.weights.count", "is " + count + " but the " + need);
      }
      JsonNode index = array(w, "$.weights", "index");
      double[] values = numbers(array(w, "$.weights", "values"), "$.weights.values");
      if (index.size() != values.length) {
        throw bad("$.weights", "has " + index.size() + " indices but " + values.length + " values");
      }
      double[] dense = new double[expected];
      long previous = -1;
      for (int i = 0; i < values.length; i++) {
        JsonNode n = index.get(i);
        if (!n.isIntegralNumber()) {
          throw bad("$.weights.index[" + i + "]", "must be an integer, got " + n);
        }
        long k = n.asLong();
        if (k <= previous || k >= expected) {
          throw bad("$.weights.index[" + i + "]", "is " + k + ": indices must increase and be in [0, " + expected + ")");
        }
        dense[(int) k] = values[i];
        previous = k;
      }
      return dense;
    }
    throw bad("$.weights.encoding", "must be \"dense\" or \"sparse\", got \"" + encoding + "\"");
  }

  private TrainingInfo training(JsonNode t) {
    keys(t, "$.training", TRAINING_KEYS, List.of("seed", "dataset", "command", "samples", "epochs"));
    try {
      return new TrainingInfo(longInteger(t, "$.training", "seed"), text(t, "$.training", "dataset"),
          text(t, "$.training", "command"), integer(t, "$.training", "samples"), integer(t, "$.training", "epochs"),
          accuracy(t, "train_accuracy"), accuracy(t, "held_out_movie_accuracy"),
          accuracy(t, "held_out_spike_accuracy"));
    } catch (IllegalArgumentException e) {
      throw bad("$.training", "is invalid: " + e.getMessage());
    }
  }

  private double accuracy(JsonNode t, String key) {
    JsonNode n = t.get(key);
    if (n == null || n.isNull()) {
      return Double.NaN;
    }
    double v = number(t, "$.training", key);
    if (v < 0 || v > 1) {
      throw bad("$.training." + key, "must be in [0, 1] or null, got " + v);
    }
    return v;
  }

  /** Rejects unknown keys and requires the required ones. */
  private void keys(JsonNode node, String path, List<String> allowed, List<String> required) {
    node.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        throw bad(path, "has an unknown key \"" + k + "\" (allowed: " + String.join(", ", allowed) + ")");
      }
    });
    for (String k : required) {
      if (!node.has(k)) {
        throw bad(path, "is missing the key \"" + k + "\"");
      }
    }
  }

  private JsonNode field(JsonNode node, String path, String key) {
    JsonNode n = node.get(key);
    if (n == null) {
      throw bad(path, "is missing the key \"" + key + "\"");
    }
    return n;
  }

  private JsonNode object(JsonNode node, String path, String key) {
    JsonNode n = field(node, path, key);
    if (!n.isObject()) {
      throw bad(path + "." + key, "must be an object, got " + kind(n));
    }
    return n;
  }

  private JsonNode array(JsonNode node, String path, String key) {
    JsonNode n = field(node, path, key);
    if (!n.isArray()) {
      throw bad(path + "." + key, "must be an array, got " + kind(n));
    }
    return n;
  }

  private String text(JsonNode node, String path, String key) {
    JsonNode n = field(node, path, key);
    if (!n.isTextual()) {
      throw bad(path + "." + key, "must be a string, got " + kind(n));
    }
    return n.asText();
  }

  private double number(JsonNode node, String path, String key) {
    JsonNode n = field(node, path, key);
    if (!n.isNumber()) {
      throw bad(path + "." + key, "must be a number, got " + kind(n));
    }
    double v = n.asDouble();
    if (!Double.isFinite(v)) {
      throw bad(path + "." + key, "must be finite, got " + n);
    }
    return v;
  }

  private int integer(JsonNode node, String path, String key) {
    JsonNode n = field(node, path, key);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw bad(path + "." + key, "must be an integer, got " + kind(n));
    }
    return n.asInt();
  }

  private long longInteger(JsonNode node, String path, String key) {
    JsonNode n = field(node, path, key);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw bad(path + "." + key, "must be an integer, got " + kind(n));
    }
    return n.asLong();
  }

  /** float32 values (the decimal rounded to the nearest float, exactly as Float.parseFloat does). */
  private double[] numbers(JsonNode a, String path) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = float32(a.get(i), path + "[" + i + "]");
    }
    return v;
  }

  private double float32(JsonNode n, String path) {
    if (!n.isNumber()) {
      throw bad(path, "must be a number, got " + kind(n));
    }
    float f = n.isBigDecimal() ? Float.parseFloat(n.decimalValue().toString()) : (float) n.asDouble();
    if (!Float.isFinite(f)) {
      throw bad(path, "must be a finite float32 number, got " + kind(n));
    }
    return f;
  }

  private static String kind(JsonNode n) {
    String text = n.toString();
    return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " "
        + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
  }
}
