package dev.framebridge.plugins.gain;

import dev.framebridge.sdk.effects.LevelMeter;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.AudioSampleFormat;
import dev.framebridge.spi.settings.Settings;
import dev.framebridge.spi.transform.FrameTransform;
import dev.framebridge.spi.transform.TransformController;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multiplies every sample by the gain into a chunk from the allocator (same format, channels, rate, timestamp),
 * clamping to full scale, and meters the output. Handles f32 and s16, interleaved or planar; other formats pass
 * through unchanged with one log line. Gain 0 dB and not muted passes chunks through without a copy (still metered).
 */
final class GainTransform implements FrameTransform<AudioData> {
  private static final Logger LOG = LoggerFactory.getLogger(GainTransform.class);
  private static final long LOG_EVERY_US = 1_000_000;

  private final LevelMeter meter = new LevelMeter();
  private final Set<AudioSampleFormat> reported = EnumSet.noneOf(AudioSampleFormat.class);
  private float gain = 1;
  private long lastLogUs = Long.MIN_VALUE;

  GainTransform(Settings settings) {
    onSettingsChanged(settings);
  }

  @Override
  public void onSettingsChanged(Settings settings) {
    gain = settings.getBoolean("mute") ? 0f : (float) LevelMeter.fromDb(settings.getDouble("gainDb"));
  }

  /** The level of the output, for the status of the effect (and tests). */
  LevelMeter getMeter() {
    return meter;
  }

  float getGain() {
    return gain;
  }

  @Override
  public void transform(AudioData input, TransformController<AudioData> controller) {
    AudioSampleFormat format = input.getFormat();
    if (format == null || !handles(format)) {
      if (format != null && reported.add(format)) {
        LOG.info("{}: passing {} audio through unchanged (handles f32, s16, interleaved or planar)",
            GainPlugin.ID, format.getWebName());
      }
      controller.enqueue(input);
      return;
    }
    AudioData output = gain == 1f ? input : controller.getAllocator().allocateAudioData(format,
        input.getNumberOfChannels(), input.getNumberOfFrames(), input.getSampleRate(), input.getTimestamp());
    try {
      for (int p = 0; p < input.getPlaneCount(); p++) {
        process(input.getPlane(p), output == input ? null : output.getPlane(p), format);
      }
    } catch (RuntimeException e) {
      if (output != input) {
        output.close();
      }
      throw e;
    }
    meter.endChunk(input.getDuration());
    controller.enqueue(output);
    if (input.getTimestamp() - lastLogUs >= LOG_EVERY_US) {
      lastLogUs = input.getTimestamp();
      LOG.debug("level: peak {} dBFS, rms {} dBFS", Math.round(meter.getPeakDb()), Math.round(meter.getRmsDb()));
    }
  }

  private static boolean handles(AudioSampleFormat f) {
    return f == AudioSampleFormat.F32 || f == AudioSampleFormat.F32_PLANAR
        || f == AudioSampleFormat.S16 || f == AudioSampleFormat.S16_PLANAR;
  }

  // target null: meter only (unity gain, passed through).
  private void process(ByteBuffer source, @Nullable ByteBuffer target, AudioSampleFormat format) {
    ByteBuffer in = source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    @Nullable ByteBuffer out = target == null ? null : target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    float g = gain;
    if (format.getBytesPerSample() == 4) {
      int n = in.limit() / 4;
      for (int i = 0; i < n; i++) {
        float v = Math.max(-1f, Math.min(1f, in.getFloat(i * 4) * g));
        meter.add(v);
        if (out != null) {
          out.putFloat(i * 4, v);
        }
      }
    } else {
      int n = in.limit() / 2;
      for (int i = 0; i < n; i++) {
        int v = Math.round(in.getShort(i * 2) * g);
        v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        meter.add(v / 32768f);
        if (out != null) {
          out.putShort(i * 2, (short) v);
        }
      }
    }
  }
}
