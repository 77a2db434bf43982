package dev.framebridge.testing

import java.nio.file.Files
import java.nio.file.Path

/**
 * Builds a real audio plugin JAR at test time (compiled against the SPI, as {@link PluginJarBuilder} does for video):
 * it multiplies every f32 sample by {@code gain} and enqueues nothing for every chunk whose index
 * (timestamp / duration) modulo {@code dropEvery} is {@code dropAt}: a plugin whose output skips chunks.
 */
class AudioPluginJarBuilder {
  static Path build(Path dir, String fileName, String id, float gain, int dropEvery, int dropAt) {
    String pkg = 'fbtest.audio_' + id.replaceAll('[^a-z0-9]', '_')
    String src = """\
package ${pkg};

import dev.framebridge.spi.FramebridgePlugin;
import dev.framebridge.spi.SpiVersion;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.settings.SettingsSchema;
import dev.framebridge.spi.transform.FrameTransform;
import java.nio.FloatBuffer;
import java.util.Set;

public final class TestAudioPlugin implements FramebridgePlugin {
  @Override public String getId() { return "${id}"; }
  @Override public String getVersion() { return "1.0"; }
  @Override public SpiVersion getSpiVersion() { return SpiVersion.of(1, 0); }
  @Override public Set<TrackKind> getTrackKinds() { return Set.of(TrackKind.AUDIO); }
  @Override public SettingsSchema getSettingsSchema() {
    return SettingsSchema.builder().number("unused", "Unused", 0, 0, 1, 1).build();
  }
  @Override public FrameTransform<AudioData> createAudioTransform(Settings settings) {
    return (chunk, c) -> {
      long index = chunk.getTimestamp() / chunk.getDuration();
      if (index % ${dropEvery} == ${dropAt}) {
        return; // enqueue nothing: the chunk is lost in this plugin
      }
      AudioData out = c.getAllocator().allocateAudioData(chunk.getFormat(), chunk.getNumberOfChannels(),
          chunk.getNumberOfFrames(), chunk.getSampleRate(), chunk.getTimestamp());
      for (int p = 0; p < chunk.getNumberOfChannels(); p++) {
        FloatBuffer in = chunk.getPlane(p).asFloatBuffer();
        FloatBuffer o = out.getPlane(p).asFloatBuffer();
        for (int i = 0; i < chunk.getNumberOfFrames(); i++) {
          o.put(i, in.get(i) * ${gain}f);
        }
      }
      c.enqueue(out);
    };
  }
}
"""
    Path work = Files.createTempDirectory('fbtest-audio-src-')
    Path srcFile = work.resolve(pkg.replace('.', '/') + '/TestAudioPlugin.java')
    Files.createDirectories(srcFile.parent)
    Files.writeString(srcFile, src)
    Path classes = Files.createDirectories(work.resolve('classes'))
    PluginJarBuilder.compile(srcFile, classes)
    Path tmp = Files.createTempFile(dir.parent ?: dir, '.jar-', '.part')
    PluginJarBuilder.writeJar(tmp, classes, pkg + '.TestAudioPlugin\n', false)
    Path jar = dir.resolve(fileName)
    Files.move(tmp, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE)
    work.toFile().deleteDir()
    jar
  }
}
