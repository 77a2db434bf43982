package dev.framebridge.plugins.chroma;

import dev.framebridge.sdk.effects.Argb;
import dev.framebridge.sdk.effects.PixelTransform;
import dev.framebridge.sdk.effects.RgbaImage;
import dev.framebridge.spi.settings.Settings;

/**
 * Keys on chroma (Cb, Cr), so shadows on the screen key like its lit parts. A pixel within "threshold" of the key's
 * chroma becomes background; within a further "softness" it is blended; beyond that it is kept. "transparent" writes
 * alpha on RGBA/BGRA; RGBX/BGRX have no alpha, so there the background colour is used instead.
 */
final class ChromaKeyTransform extends PixelTransform {
  private int keyCb;
  private int keyCr;
  private int threshold;
  private int softness;
  private boolean transparent;
  private int background;
  private int[] row = new int[0];

  ChromaKeyTransform(Settings settings) {
    super(ChromaKeyPlugin.ID);
    onSettingsChanged(settings);
  }

  @Override
  public void onSettingsChanged(Settings settings) {
    int key = Argb.rgb(settings.getColor("key"));
    keyCb = cb(key);
    keyCr = cr(key);
    threshold = settings.getInt("threshold");
    softness = settings.getInt("softness");
    transparent = settings.getString("background").equals("transparent");
    background = Argb.rgb(settings.getColor("backgroundColor"));
  }

  @Override
  protected void apply(RgbaImage image, long timestampUs) {
    int w = image.getWidth();
    if (row.length < w) {
      row = new int[w];
    }
    boolean toAlpha = transparent && image.hasAlpha();
    int inner = threshold * threshold;
    int outer = (threshold + softness) * (threshold + softness);
    for (int y = 0; y < image.getHeight(); y++) {
      image.readRow(y, row);
      for (int x = 0; x < w; x++) {
        int p = row[x];
        int dcb = cb(p) - keyCb;
        int dcr = cr(p) - keyCr;
        int d2 = dcb * dcb + dcr * dcr;
        if (d2 >= outer) {
          continue;
        }
        // keep: 0 = all background, 255 = all foreground.
        int keep = d2 <= inner || softness == 0 ? 0 : ((int) Math.sqrt(d2) - threshold) * 255 / softness;
        row[x] = toAlpha ? Argb.withAlpha(p, Argb.alpha(p) * keep / 255) : (p & 0xFF000000) | (Argb.mix(background, p, keep) & 0xFFFFFF);
      }
      image.writeRow(y, row);
    }
  }

  // BT.601 chroma offsets from grey, integer weights over 256.
  private static int cb(int p) {
    return (-43 * Argb.red(p) - 85 * Argb.green(p) + 128 * Argb.blue(p)) >> 8;
  }

  private static int cr(int p) {
    return (128 * Argb.red(p) - 107 * Argb.green(p) - 21 * Argb.blue(p)) >> 8;
  }
}
