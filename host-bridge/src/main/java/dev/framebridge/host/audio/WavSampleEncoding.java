package dev.framebridge.host.audio;

/** How a WAV file stores samples: 16-bit signed PCM (format tag 1) or 32-bit IEEE float (format tag 3). */
public enum WavSampleEncoding {
  PCM_16(1, 16),
  FLOAT_32(3, 32);

  private final int formatTag;
  private final int bitsPerSample;

  WavSampleEncoding(int formatTag, int bitsPerSample) {
    this.formatTag = formatTag;
    this.bitsPerSample = bitsPerSample;
  }

  /** The fmt chunk's wFormatTag. */
  public int getFormatTag() {
    return formatTag;
  }

  public int getBitsPerSample() {
    return bitsPerSample;
  }

  public int getBytesPerSample() {
    return bitsPerSample / 8;
  }
}
