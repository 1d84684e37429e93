package io.ganglion.firmware.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version and the git revision it was built from. */
public final class VersionProvider implements IVersionProvider {

  /** Version and revision, e.g. {@code "0.1.0 (git 1a2b3c4d5e)"}, read from the build's properties. */
  public static String versionLine() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/io/ganglion/firmware/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown"
    }
    String version = known(p.getProperty("version"));
    String revision = known(p.getProperty("revision"));
    boolean dirty = "true".equals(p.getProperty("dirty"));
    return version + " (git " + revision + (dirty ? ", with uncommitted changes" : "") + ")";
  }

  /** The bare project version, e.g. {@code "0.1.0"}. */
  public static String version() {
    String line = versionLine();
    return line.substring(0, line.indexOf(' '));
  }

  private static String known(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"ganglion " + versionLine(), "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
  }
}
