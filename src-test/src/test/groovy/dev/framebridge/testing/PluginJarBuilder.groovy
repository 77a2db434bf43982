package dev.framebridge.testing

import dev.framebridge.spi.FramebridgePlugin

import javax.tools.JavaCompiler
import javax.tools.ToolProvider
import java.nio.file.Files
import java.nio.file.Path
import java.util.jar.Attributes
import java.util.jar.JarEntry
import java.util.jar.JarOutputStream
import java.util.jar.Manifest

/**
 * Builds real plugin JARs at test time: compiles a test plugin's Java source against the SPI with javax.tools, then
 * writes a JAR with its META-INF/services entry. The plugin stamps its {@code stamp} number into byte 0 of every
 * output frame and its "level" setting into byte 1; its "fault" setting makes it misbehave on demand
 * (throw, hang, exit, oom, wrongKind, silent, print). Options also make every kind of bad JAR.
 */
class PluginJarBuilder {
  static final String SERVICE = "META-INF/services/" + FramebridgePlugin.name

  /**
   * Options: id (required), version ('1.0'), stamp (1), level (default level, 10), fault (default fault, 'none'),
   * spi ('1.0'), ctorThrows (false), serviceEntry (override the entry's text; null omits the entry),
   * omitClasses (false: leave the compiled classes out), pkg (Java package, derived from id and stamp).
   */
  static Path build(Path dir, String fileName, Map opts) {
    String id = opts.id
    String version = opts.version ?: '1.0'
    int stamp = (opts.stamp ?: 1) as int
    String pkg = opts.pkg ?: ('fbtest.' + id.replaceAll('[^a-z0-9]', '_') + '_v' + stamp)
    String[] spi = ((opts.spi ?: '1.0') as String).split('\\.')
    String fqcn = pkg + '.TestPlugin'
    String src = source(pkg, id, version, stamp, (opts.level ?: 10) as int, (opts.fault ?: 'none') as String,
        spi[0] as int, spi[1] as int, opts.ctorThrows as boolean)
    Path work = Files.createTempDirectory('fbtest-src-')
    Path srcFile = work.resolve(pkg.replace('.', '/') + '/TestPlugin.java')
    Files.createDirectories(srcFile.parent)
    Files.writeString(srcFile, src)
    Path classes = work.resolve('classes')
    Files.createDirectories(classes)
    compile(srcFile, classes)
    Path jar = dir.resolve(fileName)
    // write beside, then move: the plugins folder never sees a half-written JAR unless a test wants it to
    Path tmp = Files.createTempFile(dir.parent ?: dir, '.jar-', '.part')
    writeJar(tmp, classes, opts.containsKey('serviceEntry') ? opts.serviceEntry as String : fqcn + '\n',
        opts.omitClasses as boolean)
    Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE)
    work.toFile().deleteDir()
    return jar
  }

  /** A file named like a JAR that is not a zip. */
  static Path notAZip(Path dir, String fileName) {
    Path p = dir.resolve(fileName)
    Files.writeString(p, 'this is not a zip file')
    return p
  }

  static void compile(Path src, Path out) {
    JavaCompiler javac = ToolProvider.systemJavaCompiler
    String cp = Path.of(FramebridgePlugin.protectionDomain.codeSource.location.toURI()).toString()
    def err = new ByteArrayOutputStream()
    int rc = javac.run(null, null, err, '-proc:none', '--release', '17', '-cp', cp, '-d', out.toString(),
        src.toString())
    if (rc != 0) {
      throw new IllegalStateException("test plugin did not compile:\n" + err.toString())
    }
  }

  static void writeJar(Path jar, Path classes, String serviceEntry, boolean omitClasses) {
    Manifest m = new Manifest()
    m.mainAttributes.put(Attributes.Name.MANIFEST_VERSION, '1.0')
    new JarOutputStream(Files.newOutputStream(jar), m).withCloseable { out ->
      if (serviceEntry != null) {
        out.putNextEntry(new JarEntry(SERVICE))
        out.write(serviceEntry.getBytes('UTF-8'))
        out.closeEntry()
      }
      if (!omitClasses) {
        Files.walk(classes).filter { Files.isRegularFile(it) }.sorted().each { Path f ->
          out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')))
          out.write(Files.readAllBytes(f))
          out.closeEntry()
        }
      }
    }
  }

  static String source(String pkg, String id, String version, int stamp, int level, String fault, int spiMajor,
      int spiMinor, boolean ctorThrows) {
    """\
package ${pkg};

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.media.VideoFrame;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.transform.TransformController;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

public final class TestPlugin implements FramebridgePlugin {
  public TestPlugin() {
    ${ctorThrows ? 'if (true) throw new IllegalStateException("constructor refuses");' : ''}
  }
  @Override public String getId() { return "${id}"; }
  @Override public String getVersion() { return "${version}"; }
  @Override public SpiVersion getSpiVersion() { return SpiVersion.of(${spiMajor}, ${spiMinor}); }
  @Override public SettingsSchema getSettingsSchema() {
    return SettingsSchema.builder()
        .number("level", "Level", ${level}, 0, 255, 1)
        .choice("fault", "Fault", "${fault}", List.of("none", "throw", "hang", "exit", "oom", "wrongKind", "silent", "print"))
        .build();
  }
  @Override public FrameTransform<VideoFrame> createVideoTransform(Settings settings) {
    return new Stamp(settings);
  }

  static final class Stamp implements FrameTransform<VideoFrame> {
    private volatile int level;
    private volatile String fault;
    private final List<long[]> hog = new ArrayList<>();

    Stamp(Settings s) { apply(s); }

    private void apply(Settings s) { level = s.getInt("level"); fault = s.getString("fault"); }

    @Override public void onSettingsChanged(Settings s) { apply(s); }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void transform(VideoFrame frame, TransformController<VideoFrame> c) throws Exception {
      switch (fault) {
        case "throw": throw new IllegalStateException("boom from ${id}");
        case "hang": Thread.sleep(Long.MAX_VALUE); return;
        case "exit": System.exit(42); return;
        case "oom": while (true) { hog.add(new long[1 << 20]); }
        case "wrongKind": {
          AudioData a = c.getAllocator().allocateAudioData(AudioSampleFormat.F32, 1, 128, 48000f, frame.getTimestamp());
          ((TransformController) c).enqueue(a);
          return;
        }
        case "silent": return;
        case "print": System.out.println("plugin ${id} prints to System.out"); break;
        default: break;
      }
      VideoFrame out = c.getAllocator().copyOf(frame);
      ByteBuffer p = out.getPlane(0);
      p.put(0, (byte) ${stamp});
      p.put(1, (byte) level);
      c.enqueue(out);
    }
  }
}
"""
  }
}
