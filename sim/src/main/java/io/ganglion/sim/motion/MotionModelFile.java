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
    return new MotionModelReader(name).model(root);
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
}
