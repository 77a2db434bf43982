package dev.framebridge.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * A version of this SPI, {@code major.minor}. A provider built against {@code 1.2} runs on any SPI {@code 1.x} with
 * {@code x >= 2}: minors only add default methods, majors may break.
 *
 * <p>The running SPI's version is read from a resource at class initialisation, not held in a compile-time constant,
 * so the value is never folded into callers: a host always compares against the SPI that is actually loaded.
 */
public final class SpiVersion implements Comparable<SpiVersion> {
  private static final SpiVersion CURRENT = readCurrent();

  private final int major;
  private final int minor;

  private SpiVersion(int major, int minor) {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("SPI version parts must be >= 0, got " + major + "." + minor);
    }
    this.major = major;
    this.minor = minor;
  }

  public static SpiVersion of(int major, int minor) {
    return new SpiVersion(major, minor);
  }

  /** Parses {@code "1.2"}; throws IllegalArgumentException on anything else. */
  public static SpiVersion parse(String text) {
    String[] parts = text.trim().split("\\.");
    if (parts.length != 2) {
      throw new IllegalArgumentException("SPI version must be major.minor, got '" + text + "'");
    }
    try {
      return new SpiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("SPI version must be major.minor, got '" + text + "'", e);
    }
  }

  /** The version of the SPI loaded in this JVM. */
  public static SpiVersion current() {
    return CURRENT;
  }

  public int getMajor() {
    return major;
  }

  public int getMinor() {
    return minor;
  }

  /** Whether a provider built against {@code this} version can run on {@code runtime}. */
  public boolean isSupportedBy(SpiVersion runtime) {
    return major == runtime.major && minor <= runtime.minor;
  }

  @Override
  public int compareTo(SpiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpiVersion && ((SpiVersion) o).major == major && ((SpiVersion) o).minor == minor;
  }

  @Override
  public int hashCode() {
    return major * 31 + minor;
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }

  private static SpiVersion readCurrent() {
    Properties p = new Properties();
    try (InputStream in = SpiVersion.class.getResourceAsStream("spi-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("spi-version.properties is missing from the framebridge-spi JAR");
      }
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read spi-version.properties", e);
    }
    return parse(p.getProperty("spi.version", ""));
  }
}
