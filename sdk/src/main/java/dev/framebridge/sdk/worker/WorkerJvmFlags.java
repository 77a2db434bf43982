package dev.framebridge.sdk.worker;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The JVM flags every JVM touching Chronicle needs: the root pom's {@code chronicle.jvm.flags}, filtered into a
 * resource of the sdk JAR at build time, so the host launcher and each worker launch agree on one list.
 */
public final class WorkerJvmFlags {
  private static final List<String> CHRONICLE = read();

  private WorkerJvmFlags() {}

  /** The Chronicle flags, one element per flag. */
  public static List<String> getChronicleFlags() {
    return CHRONICLE;
  }

  private static List<String> read() {
    Properties p = new Properties();
    try (InputStream in = WorkerJvmFlags.class.getResourceAsStream("worker-jvm.properties")) {
      if (in == null) {
        throw new IllegalStateException("worker-jvm.properties is missing from the framebridge-sdk JAR");
      }
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read worker-jvm.properties", e);
    }
    String flags = p.getProperty("chronicle.jvm.flags", "").trim();
    if (flags.isEmpty() || flags.startsWith("${")) {
      throw new IllegalStateException("worker-jvm.properties was not filtered: chronicle.jvm.flags=" + flags);
    }
    return List.copyOf(Arrays.asList(flags.split("\\s+")));
  }
}
