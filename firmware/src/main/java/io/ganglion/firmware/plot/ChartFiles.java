package io.ganglion.firmware.plot;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.OutputFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Saves XChart charts as PNG or SVG, chosen by the file's extension, all or nothing. */
public final class ChartFiles {

  private ChartFiles() {}

  /** Fails with an input error unless {@code path} ends in .png or .svg. */
  public static void requireSupportedExtension(String option, Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png") && !name.endsWith(".svg")) {
      throw new InvalidInputException(option + " " + path + ": the plot format comes from the extension; use .png or .svg");
    }
  }

  /** Writes {@code chart} to {@code path} (PNG or SVG by extension). */
  public static void save(Chart<?, ?> chart, String option, Path path) throws IOException {
    requireSupportedExtension(option, path);
    boolean svg = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
    try (OutputFile file = OutputFile.create(option, path)) {
      try (OutputStream out = file.open()) {
        if (svg) {
          VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } else {
          BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
      }
      file.commit();
    }
  }
}
