package dev.framebridge.host.audio;

import dev.framebridge.spi.media.AudioData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records audio into a RIFF/WAVE file, interleaved, as 16-bit PCM or 32-bit float. The header is written first with
 * zero sizes; the sizes are patched in place about once a second of audio (so a file of a killed host still plays up
 * to the last patch) and finally on {@link #close()}.
 *
 * <pre>
 * PCM_16 (44-byte header)                    FLOAT_32 (58-byte header: WAVE_FORMAT_IEEE_FLOAT needs cbSize + fact)
 *  0 "RIFF"  4 u32 file size - 8  8 "WAVE"     0..11 as PCM
 * 12 "fmt " 16 u32 16                        12 "fmt " 16 u32 18
 * 20 u16 tag=1  22 u16 channels              20..35 as PCM with tag=3, bits=32   36 u16 cbSize=0
 * 24 u32 rate   28 u32 byte rate             38 "fact" 42 u32 4  46 u32 frames per channel
 * 32 u16 block align  34 u16 bits=16         50 "data" 54 u32 data bytes  58 samples
 * 36 "data" 40 u32 data bytes  44 samples
 * </pre>
 * All fields little-endian. Not thread-safe: one writer thread.
 */
public final class WavWriter implements AudioSink {
  private static final Logger LOG = LoggerFactory.getLogger(WavWriter.class);
  private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 64;

  private final Path path;
  private final FileChannel channel;
  private final int sampleRate;
  private final int numberOfChannels;
  private final WavSampleEncoding encoding;
  private final int headerBytes;
  private final PlanarSamples scratch = new PlanarSamples();
  private final ByteBuffer patch = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
  private ByteBuffer out = ByteBuffer.allocate(0);
  private long dataBytes;
  private long bytesSincePatch;
  private boolean closed;

  private WavWriter(Path path, FileChannel channel, int sampleRate, int numberOfChannels,
      WavSampleEncoding encoding) {
    this.path = path;
    this.channel = channel;
    this.sampleRate = sampleRate;
    this.numberOfChannels = numberOfChannels;
    this.encoding = encoding;
    this.headerBytes = encoding == WavSampleEncoding.PCM_16 ? 44 : 58;
  }

  /**
   * Creates (or truncates) {@code path} and writes the header.
   *
   * @throws IllegalArgumentException for a rate or channel count out of range
   * @throws UncheckedIOException if the file cannot be written, naming it
   */
  public static WavWriter create(Path path, int sampleRate, int numberOfChannels, WavSampleEncoding encoding) {
    if (sampleRate < 1 || numberOfChannels < 1 || numberOfChannels > 32) {
      throw new IllegalArgumentException("WAV " + path + ": rate " + sampleRate + " Hz / " + numberOfChannels
          + " channels out of range");
    }
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create WAV file " + path + ": " + e, e);
    }
    WavWriter w = new WavWriter(path, ch, sampleRate, numberOfChannels, encoding);
    try {
      w.writeHeader();
    } catch (IOException e) {
      w.close();
      throw new UncheckedIOException("cannot write WAV header to " + path + ": " + e, e);
    }
    return w;
  }

  /** A writer for the stream's rate and channels. */
  public static WavWriter create(Path path, AudioStreamFormat format, WavSampleEncoding encoding) {
    return create(path, format.getSampleRate(), format.getNumberOfChannels(), encoding);
  }

  public Path getPath() {
    return path;
  }

  /** Frames (per channel) written so far. */
  public long getFramesWritten() {
    return dataBytes / ((long) numberOfChannels * encoding.getBytesPerSample());
  }

  /**
   * Appends one chunk.
   *
   * @throws IllegalArgumentException if its channel count or sample rate differs from the file's
   */
  @Override
  public void write(AudioData chunk) {
    if (chunk.getNumberOfChannels() != numberOfChannels || Math.round(chunk.getSampleRate()) != sampleRate) {
      throw new IllegalArgumentException("WAV " + path + " is " + sampleRate + " Hz / " + numberOfChannels
          + " ch; chunk (ts " + chunk.getTimestamp() + ") is " + chunk.getSampleRate() + " Hz / "
          + chunk.getNumberOfChannels() + " ch");
    }
    int frames = scratch.readFrom(chunk);
    writePlanar(scratch.getPlanes(), frames);
  }

  /** Appends {@code frames} frames from {@code planes[channel][frame]}; samples beyond [-1, 1] are clipped in PCM. */
  public void writePlanar(float[][] planes, int frames) {
    if (closed) {
      throw new IllegalStateException("WAV writer for " + path + " is closed");
    }
    int bytes = frames * numberOfChannels * encoding.getBytesPerSample();
    if (dataBytes + bytes > MAX_DATA_BYTES) {
      throw new IllegalStateException("WAV " + path + " would exceed the format's 4 GiB limit");
    }
    if (out.capacity() < bytes) {
      out = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
    out.clear();
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < numberOfChannels; c++) {
        float v = planes[c][i];
        if (encoding == WavSampleEncoding.PCM_16) {
          float clipped = v > 1f ? 1f : (v < -1f ? -1f : v);
          out.putShort((short) Math.round(clipped * 32767f));
        } else {
          out.putFloat(v);
        }
      }
    }
    out.flip();
    try {
      while (out.hasRemaining()) {
        channel.write(out);
      }
      dataBytes += bytes;
      bytesSincePatch += bytes;
      if (bytesSincePatch >= (long) sampleRate * numberOfChannels * encoding.getBytesPerSample()) {
        patchSizes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to WAV file " + path + ": " + e, e);
    }
  }

  private void writeHeader() throws IOException {
    ByteBuffer h = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
    int blockAlign = numberOfChannels * encoding.getBytesPerSample();
    h.put(ascii("RIFF")).putInt(0).put(ascii("WAVE"));
    h.put(ascii("fmt ")).putInt(encoding == WavSampleEncoding.PCM_16 ? 16 : 18);
    h.putShort((short) encoding.getFormatTag()).putShort((short) numberOfChannels).putInt(sampleRate)
        .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) encoding.getBitsPerSample());
    if (encoding == WavSampleEncoding.FLOAT_32) {
      h.putShort((short) 0);
      h.put(ascii("fact")).putInt(4).putInt(0);
    }
    h.put(ascii("data")).putInt(0);
    h.flip();
    while (h.hasRemaining()) {
      channel.write(h, h.position());
    }
    channel.position(headerBytes);
  }

  private void patchSizes() throws IOException {
    putU32At(4, headerBytes - 8 + dataBytes);
    putU32At(headerBytes - 4, dataBytes);
    if (encoding == WavSampleEncoding.FLOAT_32) {
      putU32At(46, getFramesWritten());
    }
    bytesSincePatch = 0;
  }

  private void putU32At(long position, long value) throws IOException {
    patch.clear();
    patch.putInt((int) value).flip();
    while (patch.hasRemaining()) {
      channel.write(patch, position + patch.position());
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Patches the header sizes and closes the file; safe to call twice. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (channel) {
      patchSizes();
    } catch (IOException e) {
      // The samples are on disk; only the sizes may be stale. Report, never throw from close.
      LOG.warn("cannot finish WAV file {}: {}", path, e.toString());
    }
  }
}
