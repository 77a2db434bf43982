package dev.framebridge.spi.media;

/** WebCodecs' AudioSampleFormat: unsigned 8-bit, signed 16/32-bit and 32-bit float, interleaved or planar. */
public enum AudioSampleFormat {
  U8("u8", 1, false),
  S16("s16", 2, false),
  S32("s32", 4, false),
  F32("f32", 4, false),
  U8_PLANAR("u8-planar", 1, true),
  S16_PLANAR("s16-planar", 2, true),
  S32_PLANAR("s32-planar", 4, true),
  F32_PLANAR("f32-planar", 4, true);

  private final String webName;
  private final int bytesPerSample;
  private final boolean planar;

  AudioSampleFormat(String webName, int bytesPerSample, boolean planar) {
    this.webName = webName;
    this.bytesPerSample = bytesPerSample;
    this.planar = planar;
  }

  /** The WebCodecs name, e.g. {@code "f32-planar"}. */
  public String getWebName() {
    return webName;
  }

  public int getBytesPerSample() {
    return bytesPerSample;
  }

  public boolean isPlanar() {
    return planar;
  }

  /**
   * Parses the WebCodecs name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static AudioSampleFormat fromWebName(String name) {
    for (AudioSampleFormat f : values()) {
      if (f.webName.equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown audio sample format '" + name + "'");
  }
}
