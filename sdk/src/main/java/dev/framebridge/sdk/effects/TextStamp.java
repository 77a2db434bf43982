package dev.framebridge.sdk.effects;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A line of text rendered once (with Java2D, headless, antialiased) into a coverage mask that {@link Canvas} can paint
 * many times in any colour. Rendering allocates, so render when the text changes (a clock: once a second), not per
 * frame; painting allocates nothing. Immutable.
 */
public final class TextStamp {
  private final String text;
  private final int width;
  private final int height;
  private final byte[] coverage;

  private TextStamp(String text, int width, int height, byte[] coverage) {
    this.text = text;
    this.width = width;
    this.height = height;
    this.coverage = coverage;
  }

  /** Renders {@code text} in the logical sans-serif font at {@code sizePx} pixels (bold when {@code bold}). */
  public static TextStamp render(String text, float sizePx, boolean bold) {
    if (!(sizePx >= 4 && sizePx <= 512)) {
      throw new IllegalArgumentException("text size " + sizePx + " px is outside 4..512");
    }
    Font font = new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(sizePx);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D pg = probe.createGraphics();
    FontMetrics metrics = pg.getFontMetrics(font);
    int w = Math.max(1, metrics.stringWidth(text));
    int h = Math.max(1, metrics.getAscent() + metrics.getDescent());
    pg.dispose();
    BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = mask.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(font);
    g.setColor(java.awt.Color.WHITE);
    g.drawString(text, 0, metrics.getAscent());
    g.dispose();
    byte[] coverage = new byte[w * h];
    mask.getRaster().getDataElements(0, 0, w, h, coverage);
    return new TextStamp(text, w, h, coverage);
  }

  /** Renders plain text at {@code sizePx}. */
  public static TextStamp render(String text, float sizePx) {
    return render(text, sizePx, false);
  }

  public String getText() {
    return text;
  }

  public int getWidth() {
    return width;
  }

  public int getHeight() {
    return height;
  }

  /** Coverage 0..255 of the mask at (x, y). */
  public int coverageAt(int x, int y) {
    return coverage[y * width + x] & 0xFF;
  }

  void drawOnto(Canvas canvas, int left, int top, int argb) {
    int alpha = argb >>> 24;
    int opaque = argb | 0xFF000000;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int c = coverage[y * width + x] & 0xFF;
        if (c != 0) {
          canvas.blend(left + x, top + y, (((c * alpha + 127) / 255) << 24) | (opaque & 0xFFFFFF));
        }
      }
    }
  }

  @Override
  public String toString() {
    return "TextStamp('" + text + "', " + width + "x" + height + ")";
  }
}
