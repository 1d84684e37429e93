package io.ganglion.sim.motion;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The motion model file: versioned JSON (format {@value #FORMAT}, version {@value #VERSION}).
 *
 * <pre>
 * {
 *   "format": "ganglion-motion-model", "version": 2,
 *   "geometry": {"delays": 8, "bin_us": 2000, "radius_px": 2, "cell_px": 16, "leak_us": 20000},
 *   "weight_layout": "((((r*delays+d)*(2*radius+1)+dy)*(2*radius+1)+dx)*classes+c)",
 *   "classes": [{"direction_deg": 0.0, "speed_px_ms": 0.25}, ...],
 *   "spike_margin": 3.2,
 *   "biases": [...],                                           (one per class)
 *   "weights": {"encoding": "dense", "values": [...]}          (all 2 x delays x (2 radius + 1)^2 x classes)
 *           or {"encoding": "sparse", "count": N, "index": [...], "values": [...]}
 *                                                              (increasing indices of the non-zero weights)
 *   "training": {"seed": 1, "dataset": "...", "command": "...", "samples": 72000, "epochs": 8,
 *                "train_accuracy": 0.6, "held_out_movie_accuracy": 1.0, "held_out_spike_accuracy": 0.7}
 * }
 * </pre>
 *
 * Weights, biases and the spike margin are float32 values (written in the shortest decimal form
 * that reads back as the same float32, read by rounding the decimal to float32), so a model whose
 * values are float32 ({@link MotionModel#roundedToFloat()}) round-trips exactly.
 * Accuracies not measured are {@code null}. Reading checks everything and rejects unknown keys:
 * problems are {@link InvalidInputException}s naming the file and the JSON path. Version 1 files
 * (the earlier detector: windows tiling the sensor, absolute polarity) are rejected with a line
 * saying to retrain.
 */
public final class MotionModelFile {

  /** The format name. */
  public static final String FORMAT = "ganglion-motion-model";
  /** The version this build reads and writes. */
  public static final int VERSION = 2;
  /** The weight layout, written and checked verbatim (r: polarity relative to the evaluated event, 0 same). */
  public static final String WEIGHT_LAYOUT = "((((r*delays+d)*(2*radius+1)+dy)*(2*radius+1)+dx)*classes+c)";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final List<String> TOP_KEYS = List.of("format", "version", "geometry", "weight_layout", "classes",
      "spike_margin", "biases", "weights", "training");
  private static final List<String> GEOMETRY_KEYS = List.of("delays", "bin_us", "radius_px", "cell_px", "leak_us");
  private static final List<String> CLASS_KEYS = List.of("direction_deg", "speed_px_ms");
  private static final List<String> DENSE_KEYS = List.of("encoding", "values");
  private static final List<String> SPARSE_KEYS = List.of("encoding", "count", "index", "values");
  private static final List<String> TRAINING_KEYS = List.of("seed", "dataset", "command", "samples", "epochs",
      "train_accuracy", "held_out_movie_accuracy", "held_out_spike_accuracy");

  private MotionModelFile() {}

  /** Reads a model file. */
  public static MotionModel read(Path path) {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(path + ": no such model file (train one with 'ganglion motion train --out "
          + path + "')");
    } catch (IOException e) {
      throw new GanglionException("cannot read model file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads a model from {@code in}; {@code name} names it in messages. */
  public static MotionModel read(InputStream in, String name) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + " column "
          + e.getLocation().getColumnNr();
      throw new InvalidInputException(name + ": not valid JSON" + where + " (" + e.getOriginalMessage()
          + "); is it a motion model file?");
    }
    return new Reader(name).model(root);
  }

  /** Writes {@code model}; dense weights when at least half are non-zero, sparse otherwise. */
  public static void write(MotionModel model, OutputStream out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      MotionGeometry geo = model.geometry();
      g.writeObjectFieldStart("geometry");
      g.writeNumberField("delays", geo.delays());
      g.writeNumberField("bin_us", geo.binUs());
      g.writeNumberField("radius_px", geo.radius());
      g.writeNumberField("cell_px", geo.cellSize());
      g.writeNumberField("leak_us", geo.leakUs());
      g.writeEndObject();
      g.writeStringField("weight_layout", WEIGHT_LAYOUT);
      g.writeArrayFieldStart("classes");
      for (MotionClass c : model.classes()) {
        g.writeStartObject();
        g.writeNumberField("direction_deg", c.directionDeg());
        g.writeNumberField("speed_px_ms", c.speedPxPerMs());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("spike_margin", (float) model.spikeMargin());
      g.writeArrayFieldStart("biases");
      for (double b : model.biases()) {
        g.writeNumber((float) b);
      }
      g.writeEndArray();
      double[] w = model.weights();
      int nonZero = model.nonZeroWeightCount();
      g.writeObjectFieldStart("weights");
      if (2L * nonZero >= w.length) {
        g.writeStringField("encoding", "dense");
        g.writeArrayFieldStart("values");
        for (double v : w) {
          g.writeNumber((float) v);
        }
        g.writeEndArray();
      } else {
        g.writeStringField("encoding", "sparse");
        g.writeNumberField("count", w.length);
        g.writeArrayFieldStart("index");
        for (int i = 0; i < w.length; i++) {
          if (w[i] != 0) {
            g.writeNumber(i);
          }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("values");
        for (double v : w) {
          if (v != 0) {
            g.writeNumber((float) v);
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      TrainingInfo t = model.training();
      g.writeObjectFieldStart("training");
      g.writeNumberField("seed", t.seed());
      g.writeStringField("dataset", t.dataset());
      g.writeStringField("command", t.command());
      g.writeNumberField("samples", t.trainSamples());
      g.writeNumberField("epochs", t.epochs());
      writeAccuracy(g, "train_accuracy", t.trainAccuracy());
      writeAccuracy(g, "held_out_movie_accuracy", t.heldOutMovieAccuracy());
      writeAccuracy(g, "held_out_spike_accuracy", t.heldOutSpikeAccuracy());
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeAccuracy(JsonGenerator g, String key, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(key, v);
    } else {
      g.writeNullField(key);
    }
  }

  /** Reads and checks one model tree, naming the file and JSON path in every error. */
  private static final class Reader {
    private final String name;

    Reader(String name) {
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
}
