package dev.framebridge.sdk.template;

import dev.framebridge.sdk.testkit.PluginLoader;
import dev.framebridge.spi.SpiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes a new plugin project: a provider registered in META-INF/services, a transform with settings, a JUnit 5 test
 * using the test kit, and a Maven build producing the drop-in JAR {@code target/<id>.jar} (with a profile that copies
 * it into a running host's plugins folder). Java or Kotlin.
 *
 * <pre>
 * java -cp framebridge-sdk.jar:framebridge-spi.jar dev.framebridge.sdk.template.PluginProjectGenerator \
 *     --id my-tint --package com.example.tint [--lang kotlin] [--dir ./my-tint] [--framebridge-version 0.1.0]
 * </pre>
 *
 * The repository's {@code bin/new-plugin} wraps this.
 */
public final class PluginProjectGenerator {
  /** The languages a project can be generated in. */
  public enum Language {
    JAVA,
    KOTLIN
  }

  private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
  private static final String TEMPLATES = "/dev/framebridge/sdk/template/";

  private final String id;
  private final String packageName;
  private final Language language;
  private final String framebridgeVersion;

  /**
   * @throws IllegalArgumentException for an id the host would refuse or an invalid package name
   */
  public PluginProjectGenerator(String id, String packageName, Language language, String framebridgeVersion) {
    if (!PluginLoader.ID.matcher(id).matches()) {
      throw new IllegalArgumentException("plugin id '" + id + "' must match " + PluginLoader.ID.pattern());
    }
    if (!PACKAGE.matcher(packageName).matches()) {
      throw new IllegalArgumentException("'" + packageName + "' is not a lower-case Java package name");
    }
    this.id = id;
    this.packageName = packageName;
    this.language = language;
    this.framebridgeVersion = framebridgeVersion;
  }

  /** {@code "my-tint"} becomes {@code "MyTint"}. */
  public static String className(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("[-_.]")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String name = b.toString();
    return Character.isJavaIdentifierStart(name.charAt(0)) ? name : "P" + name;
  }

  /** The version of the SDK on the classpath (from its JAR's Maven metadata), or null when run from classes. */
  public static @Nullable String sdkVersion() {
    try (InputStream in = PluginProjectGenerator.class.getResourceAsStream(
        "/META-INF/maven/dev.framebridge/framebridge-sdk/pom.properties")) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Writes the project into {@code dir}, which must not exist or be empty; returns the files written.
   *
   * @throws IllegalArgumentException if {@code dir} holds files already
   * @throws UncheckedIOException if writing fails, naming the file
   */
  public List<Path> generate(Path dir) {
    if (Files.isDirectory(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + " is not empty; choose a new directory");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    Map<String, String> tokens = tokens();
    List<Path> written = new ArrayList<>();
    written.add(write(dir.resolve("pom.xml"), substitute(template("common-pom-head.xml"), tokens)));
    written.add(write(dir.resolve("README.md"), substitute(readme(), tokens)));
    written.add(write(dir.resolve(".gitignore"), "target/\n"));
    String lang = language.name().toLowerCase(Locale.ROOT);
    for (String line : template(lang + "/files.txt").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] pair = line.split("=", 2);
      written.add(write(dir.resolve(substitute(pair[0], tokens)), substitute(template(lang + "/" + pair[1]), tokens)));
    }
    return written;
  }

  private Map<String, String> tokens() {
    Map<String, String> t = new LinkedHashMap<>();
    boolean kotlin = language == Language.KOTLIN;
    t.put("__EXTRA_DEPENDENCIES__", kotlin
        ? "    <!-- Shaded into the drop-in JAR: workers have no Kotlin runtime of their own. -->\n"
            + "    <dependency><groupId>org.jetbrains.kotlin</groupId><artifactId>kotlin-stdlib</artifactId>"
            + "<version>${kotlin.version}</version></dependency>"
        : "");
    t.put("__SOURCE_DIRS__", kotlin
        ? "    <sourceDirectory>src/main/kotlin</sourceDirectory>\n    <testSourceDirectory>src/test/kotlin</testSourceDirectory>"
        : "");
    t.put("__BUILD_PLUGINS__", kotlin ? KOTLIN_PLUGINS : "");
    t.put("__GROUP__", packageName);
    t.put("__ID__", id);
    t.put("__CLASS__", className(id));
    t.put("__PACKAGE_DIR__", packageName.replace('.', '/'));
    t.put("__PACKAGE__", packageName);
    t.put("__FRAMEBRIDGE_VERSION__", framebridgeVersion);
    t.put("__SPI_MAJOR__", Integer.toString(SpiVersion.current().getMajor()));
    t.put("__SPI_MINOR__", Integer.toString(SpiVersion.current().getMinor()));
    t.put("__LANG__", kotlin ? "Kotlin" : "Java");
    return t;
  }

  private static final String KOTLIN_PLUGINS = String.join("\n",
      "      <plugin>",
      "        <groupId>org.jetbrains.kotlin</groupId>",
      "        <artifactId>kotlin-maven-plugin</artifactId>",
      "        <executions>",
      "          <execution><id>compile</id><phase>compile</phase><goals><goal>compile</goal></goals></execution>",
      "          <execution><id>test-compile</id><phase>test-compile</phase><goals><goal>test-compile</goal></goals></execution>",
      "        </executions>",
      "      </plugin>",
      "      <plugin>",
      "        <groupId>org.apache.maven.plugins</groupId>",
      "        <artifactId>maven-shade-plugin</artifactId>",
      "        <executions>",
      "          <execution>",
      "            <phase>package</phase>",
      "            <goals><goal>shade</goal></goals>",
      "            <configuration>",
      "              <createDependencyReducedPom>false</createDependencyReducedPom>",
      "              <artifactSet><includes><include>org.jetbrains.kotlin:kotlin-stdlib</include></includes></artifactSet>",
      "              <filters><filter><artifact>org.jetbrains.kotlin:kotlin-stdlib</artifact><excludes>"
          + "<exclude>META-INF/MANIFEST.MF</exclude><exclude>META-INF/versions/**</exclude></excludes></filter></filters>",
      "            </configuration>",
      "          </execution>",
      "        </executions>",
      "      </plugin>");

  private static String readme() {
    return String.join("\n",
        "# __CLASS__ — a Framebridge plugin (__LANG__)",
        "",
        "```",
        "mvn package                                          # tests with the SDK test kit, then target/__ID__.jar",
        "mvn package -Dframebridge.plugins.dir=/path/to/host/plugins   # and hot-reload it into a running host",
        "```",
        "",
        "Edit the transform, keep the golden test in step. See docs/plugin-tutorial.md in the Framebridge repository.",
        "");
  }

  private static String template(String name) {
    try (InputStream in = PluginProjectGenerator.class.getResourceAsStream(TEMPLATES + name)) {
      if (in == null) {
        throw new IllegalStateException("template " + name + " is missing from the SDK");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + name, e);
    }
  }

  private static String substitute(String text, Map<String, String> tokens) {
    String out = text;
    for (Map.Entry<String, String> e : tokens.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private static Path write(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Command line: {@code --id ID --package PKG [--lang java|kotlin] [--dir DIR] [--framebridge-version V]}. */
  public static void main(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        usage("unexpected argument '" + args[i] + "'");
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    if (args.length % 2 != 0) {
      usage("option " + args[args.length - 1] + " needs a value");
    }
    String id = opts.get("id");
    String pkg = opts.get("package");
    if (id == null || pkg == null) {
      usage("--id and --package are required");
      return;
    }
    String version = opts.getOrDefault("framebridge-version", sdkVersion());
    if (version == null) {
      usage("cannot tell the SDK version from the classpath; pass --framebridge-version");
      return;
    }
    Language lang;
    try {
      lang = Language.valueOf(opts.getOrDefault("lang", "java").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      usage("--lang must be java or kotlin");
      return;
    }
    Path dir = Paths.get(opts.getOrDefault("dir", id));
    try {
      List<Path> files = new PluginProjectGenerator(id, pkg, lang, version).generate(dir);
      System.out.println("Created " + lang.name().toLowerCase(Locale.ROOT) + " plugin '" + id + "' in " + dir
          + " (" + files.size() + " files). Next: cd " + dir + " && mvn package");
    } catch (IllegalArgumentException | UncheckedIOException e) {
      System.err.println("new-plugin: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void usage(String problem) {
    System.err.println("new-plugin: " + problem);
    System.err.println("usage: new-plugin --id ID --package PKG [--lang java|kotlin] [--dir DIR] "
        + "[--framebridge-version V]");
    System.exit(2);
  }
}
