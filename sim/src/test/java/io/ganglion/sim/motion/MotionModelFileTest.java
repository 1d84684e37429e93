package io.ganglion.sim.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model file round-trips exactly, and every kind of bad file is one clear input error. */
class MotionModelFileTest {

  private static final MotionGeometry G = new MotionGeometry(8, 1_000, 0, 2, 5_000);
  private static final List<MotionClass> CLASSES = List.of(new MotionClass(0, 0.4), new MotionClass(90, 0.4));

  static MotionModel model(double zeros) {
    SplittableRandom rnd = new SplittableRandom(3);
    double[] w = new double[G.featureCount() * 2];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextDouble() < zeros ? 0 : rnd.nextDouble() * 2 - 1;
    }
    TrainingInfo info = new TrainingInfo(7, "test set", "ganglion motion train --out x.json", 100, 3, 0.75, 0.9, Double.NaN);
    return new MotionModel(G, CLASSES, w, new double[] {0.25, -0.5}, 1.5, info).roundedToFloat();
  }

  static String json(MotionModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MotionModelFile.write(m, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static MotionModel read(String text) throws IOException {
    return MotionModelFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "m.json");
  }

  @Test
  void denseAndSparseModelsRoundTripExactly() throws IOException {
    for (double zeros : new double[] {0.0, 0.8}) {
      MotionModel m = model(zeros);
      String text = json(m);
      assertTrue(text.contains(zeros == 0 ? "\"dense\"" : "\"sparse\""), text);
      MotionModel back = read(text);
      assertArrayEquals(m.weights(), back.weights());
      assertArrayEquals(m.biases(), back.biases());
      assertEquals(m.spikeMargin(), back.spikeMargin());
      assertEquals(m.geometry(), back.geometry());
      assertEquals(m.classes(), back.classes());
      assertEquals(m.training(), back.training());
      assertEquals(text, json(back), "writing the read model gives the same bytes");
    }
  }

  @Test
  void theBuiltInModelLoadsAndMatchesItsGeometry() {
    MotionModel m = MotionModels.defaultModel();
    assertEquals(m.geometry().featureCount() * m.classCount(), m.weightCount());
    assertTrue(m.nonZeroWeightCount() > 0 && m.classCount() >= 2);
  }

  private static void assertBad(String text, String... fragments) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> read(text));
    assertTrue(e.getMessage().startsWith("m.json: "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    for (String f : fragments) {
      assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
    }
  }

  @Test
  void badFilesAreInputErrorsNamingTheProblem() throws IOException {
    String good = json(model(0.0));
    assertBad("{\"format\": \"ganglion-motion-model\", \"version\": 1", "not valid JSON");
    assertBad("[1, 2]", "not a motion model file");
    assertBad(good.replace("ganglion-motion-model", "something-else"), "$.format", "something-else");
    assertBad(good.replace("\"version\" : 2", "\"version\" : 3"), "$.version", "is 3", "version 2");
    assertBad(good.replace("\"version\" : 2", "\"version\" : 1"), "$.version", "is 1", "earlier detector", "retrain");
    assertBad(good.replace("\"version\" : 2", "\"version\" : \"2\""), "$.version", "integer");
    assertBad(good.replace("\"spike_margin\"", "\"colour\" : 3, \"spike_margin\""), "$", "unknown key \"colour\"");
    assertBad(good.replace("\"cell_px\"", "\"cel_px\""), "$.geometry", "unknown key \"cel_px\"");
    assertBad(good.replace("\"delays\" : 8", "\"delays\" : \"eight\""), "$.geometry.delays", "integer");
    assertBad(good.replace("\"cell_px\" : 2", "\"cell_px\" : 0"), "$.geometry", "output cell");
    assertBad(good.replace("\"radius_px\" : 0", "\"radius_px\" : 1"), "$.weights.values", "needs 288");
    assertBad(good.replace("\"bin_us\" : 1000,", ""), "$.geometry", "missing the key \"bin_us\"");
    assertBad(good.replace("\"weight_layout\" : \"", "\"weight_layout\" : \"x"), "$.weight_layout");
    assertBad(good.replace("\"direction_deg\" : 90.0", "\"direction_deg\" : 400.0"), "$.classes[1]", "[0, 360)");
    assertBad(good.replace("\"biases\" : [ 0.25, -0.5 ]", "\"biases\" : [ 0.25 ]"), "$.biases", "2 classes");
    assertBad(good.replace("\"values\" : [ ", "\"values\" : [ 0.5, "), "$.weights.values", "33 numbers", "needs 32");
    assertBad(good.replace("\"values\" : [ ", "\"values\" : [ \"a\", "), "$.weights.values[0]", "number");
    assertBad(good.replace("\"encoding\" : \"dense\"", "\"encoding\" : \"rle\""), "$.weights.encoding", "rle");
    assertBad(good.replace("\"train_accuracy\" : 0.75", "\"train_accuracy\" : 1.5"), "$.training.train_accuracy");
    assertBad(good.replace("\"training\" : {", "\"training\" : { \"gpu\" : true,"), "$.training", "unknown key \"gpu\"");
  }

  @Test
  void badSparseWeightsAreInputErrors() throws IOException {
    String sparse = json(model(0.8));
    assertTrue(sparse.contains("\"count\" : 32"), sparse);
    assertBad(sparse.replace("\"count\" : 32", "\"count\" : 31"), "$.weights.count", "needs 32");
    assertBad(sparse.replace("\"index\" : [ ", "\"index\" : [ 40, "), "$.weights", "indices", "values");
    String first = sparse.substring(sparse.indexOf("\"index\" : [ ") + 12);
    String firstIndex = first.substring(0, first.indexOf(','));
    assertBad(sparse.replace("\"index\" : [ " + firstIndex + ",", "\"index\" : [ 99,"), "$.weights.index[0]",
        "is 99", "[0, 32)");
  }

  @Test
  void moreClassesThanTheDetectorTakesIsOneInputErrorWhateverTheGeometry() throws IOException {
    // 20,000 classes x the largest geometry's 139,392 features overflow an int: that used to escape
    // as an ArithmeticException; 300 classes were blamed on the weight count instead of the classes.
    for (int n : new int[] {300, 20_000}) {
      String good = json(model(0.8));
      String big = good.replace("\"delays\" : 8", "\"delays\" : 64").replace("\"radius_px\" : 0", "\"radius_px\" : 16");
      StringBuilder classes = new StringBuilder("\"classes\" : [ ");
      StringBuilder biases = new StringBuilder("\"biases\" : [ ");
      for (int i = 0; i < n; i++) {
        classes.append(i == 0 ? "" : ", ").append("{\"direction_deg\" : 0.0, \"speed_px_ms\" : 0.1}");
        biases.append(i == 0 ? "" : ", ").append("0.0");
      }
      big = big.substring(0, big.indexOf("\"classes\"")) + classes + " ],\n  \"spike_margin\""
          + big.substring(big.indexOf("\"spike_margin\"") + "\"spike_margin\"".length());
      big = big.replace("\"biases\" : [ 0.25, -0.5 ]", biases + " ]");
      assertBad(big, "$.classes", n + " classes", "at most " + io.ganglion.controllers.motion.MotionKernel.MAX_CLASSES);
    }
  }

  @Test
  void aMissingFileSaysHowToMakeOne(@TempDir Path dir) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> MotionModelFile.read(dir.resolve("none.json")));
    assertTrue(e.getMessage().contains("ganglion motion train"), e.getMessage());
  }

  @Test
  void aFileOnDiskReadsLikeTheStream(@TempDir Path dir) throws IOException {
    MotionModel m = model(0.3);
    Path p = dir.resolve("m.json");
    Files.writeString(p, json(m));
    assertArrayEquals(m.weights(), MotionModelFile.read(p).weights());
  }
}
