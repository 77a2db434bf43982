package dev.framebridge.host.camera;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;

/**
 * Draws the synthetic camera's test pattern into a reused RGB24 buffer: seven full-intensity colour bars over the top
 * two thirds (static, drawn once, so pixel checks have known colours at known places), and below them a dark band with
 * the frame number, the capture timestamp and a box that moves with the frame number. Only the band is redrawn per
 * frame, which keeps 1080p at 60 fps cheap.
 */
public final class TestPatternRenderer {
  /** The bars from left to right as 0xRRGGBB: white, yellow, cyan, green, magenta, red, blue. */
  public static final List<Integer> BAR_COLORS =
      List.of(0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x00FF00, 0xFF00FF, 0xFF0000, 0x0000FF);
  /** The band's background as 0xRRGGBB. */
  public static final int BAND_COLOR = 0x202020;
  /** The moving box as 0xRRGGBB. */
  public static final int BOX_COLOR = 0xFF8000;

  private final int width;
  private final int height;
  private final byte[] rgb;
  private final int bandTop;
  private final byte[] bandBackground;
  private final BufferedImage textImage;
  private final byte[] textBgr;
  private final Graphics2D textGraphics;
  private final int textBaseline;

  public TestPatternRenderer(int width, int height) {
    if (width < 16 || height < 16 || (long) width * height > 8192L * 8192L) {
      throw new IllegalArgumentException("test pattern size " + width + "x" + height + " is outside 16x16..8192x8192");
    }
    this.width = width;
    this.height = height;
    this.rgb = new byte[width * height * 3];
    this.bandTop = height * 2 / 3;
    for (int x = 0; x < width; x++) {
      int c = BAR_COLORS.get(x * BAR_COLORS.size() / width);
      put(rgb, x * 3, c);
    }
    for (int y = 1; y < bandTop; y++) {
      System.arraycopy(rgb, 0, rgb, y * width * 3, width * 3);
    }
    bandBackground = new byte[(height - bandTop) * width * 3];
    for (int i = 0; i < bandBackground.length; i += 3) {
      put(bandBackground, i, BAND_COLOR);
    }
    int bandHeight = height - bandTop;
    int fontPx = Math.max(8, Math.min(bandHeight / 3, width / 24));
    textImage = new BufferedImage(Math.min(width, fontPx * 20), Math.min(bandHeight, fontPx * 3 / 2),
        BufferedImage.TYPE_3BYTE_BGR);
    textBgr = ((DataBufferByte) textImage.getRaster().getDataBuffer()).getData();
    textGraphics = textImage.createGraphics();
    textGraphics.setFont(new Font(Font.MONOSPACED, Font.BOLD, fontPx));
    textGraphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    textBaseline = fontPx;
    render(0, 0); // loads the font and warms the drawing path now, not on the first paced frame
  }

  public int getWidth() {
    return width;
  }

  public int getHeight() {
    return height;
  }

  /** Row index where the dynamic band starts (rows above it are the static bars). */
  public int getBandTop() {
    return bandTop;
  }

  /**
   * Draws frame {@code frameNumber} stamped with {@code timestampMicros} and returns the RGB24 buffer (reused: valid
   * until the next call).
   */
  public byte[] render(long frameNumber, long timestampMicros) {
    System.arraycopy(bandBackground, 0, rgb, bandTop * width * 3, bandBackground.length);
    drawBox(frameNumber);
    drawText(frameNumber, timestampMicros);
    return rgb;
  }

  private void drawBox(long frameNumber) {
    int bandHeight = height - bandTop;
    int box = Math.max(4, Math.min(bandHeight / 2, width / 8));
    int travel = Math.max(1, width - box);
    int step = Math.max(1, width / 120);
    long p = (frameNumber * step) % (2L * travel);
    int x = (int) (p < travel ? p : 2L * travel - p);
    int y0 = height - box - Math.max(0, (bandHeight / 2 - box) / 2);
    int rowStart = x * 3;
    for (int i = 0; i < box * 3; i += 3) {
      put(rgb, (y0 * width * 3) + rowStart + i, BOX_COLOR);
    }
    int rowBytes = width * 3;
    for (int y = y0 + 1; y < y0 + box && y < height; y++) {
      System.arraycopy(rgb, y0 * rowBytes + rowStart, rgb, y * rowBytes + rowStart, box * 3);
    }
  }

  private void drawText(long frameNumber, long timestampMicros) {
    textGraphics.setColor(new Color(BAND_COLOR));
    textGraphics.fillRect(0, 0, textImage.getWidth(), textImage.getHeight());
    textGraphics.setColor(Color.WHITE);
    String label = String.format("#%06d %4d.%06ds", frameNumber, timestampMicros / 1_000_000,
        timestampMicros % 1_000_000);
    textGraphics.drawString(label, 2, textBaseline);
    int tw = textImage.getWidth();
    for (int y = 0; y < textImage.getHeight(); y++) {
      int src = y * tw * 3;
      int dst = ((bandTop + y) * width) * 3;
      for (int i = 0; i < tw * 3; i += 3) {
        rgb[dst + i] = textBgr[src + i + 2];
        rgb[dst + i + 1] = textBgr[src + i + 1];
        rgb[dst + i + 2] = textBgr[src + i];
      }
    }
  }

  private static void put(byte[] buf, int at, int rgbValue) {
    buf[at] = (byte) (rgbValue >> 16);
    buf[at + 1] = (byte) (rgbValue >> 8);
    buf[at + 2] = (byte) rgbValue;
  }
}
