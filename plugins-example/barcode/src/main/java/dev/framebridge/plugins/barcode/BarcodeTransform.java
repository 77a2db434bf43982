package dev.framebridge.plugins.barcode;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import dev.framebridge.sdk.effects.Argb;
import dev.framebridge.sdk.effects.Canvas;
import dev.framebridge.sdk.effects.PixelTransform;
import dev.framebridge.sdk.effects.RgbaImage;
import dev.framebridge.sdk.effects.TextStamp;
import dev.framebridge.spi.settings.Settings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects codes in each frame and draws them, like the seeds' barcode example: {@code detectBarcodes(frame)} then
 * {@code highlightBarcodes(frame, barcodes)}. Detection runs on a luminance copy (half resolution for frames wider
 * than 960 px in "auto", which keeps 720p at frame rate and still finds codes a camera can read); the luminance
 * buffer is reused. Text labels are rendered once per distinct text and cached.
 */
final class BarcodeTransform extends PixelTransform {
  private static final Logger LOG = LoggerFactory.getLogger(BarcodeTransform.class);
  private static final int MAX_CACHED_LABELS = 32;

  private final MultiFormatReader reader = new MultiFormatReader();
  private final Map<String, TextStamp> labels = new HashMap<>();
  private List<Detection> lastDetections = List.of();
  private String lastReported = "";
  private int color;
  private int thickness;
  private boolean showText;
  private String resolution = "auto";
  private byte[] luma = new byte[0];
  private int[] row = new int[0];

  BarcodeTransform(Settings settings) {
    super(BarcodePlugin.ID);
    onSettingsChanged(settings);
  }

  @Override
  public void onSettingsChanged(Settings settings) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    if (settings.getString("formats").equals("qr")) {
      hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    }
    reader.setHints(hints);
    color = Argb.rgb(settings.getColor("color"));
    thickness = settings.getInt("thickness");
    showText = settings.getBoolean("showText");
    resolution = settings.getString("resolution");
  }

  /** The codes found in the last frame (for tests and the status of the effect). */
  List<Detection> getLastDetections() {
    return lastDetections;
  }

  @Override
  protected void apply(RgbaImage image, long timestampUs) {
    List<Detection> found = detect(image);
    lastDetections = found;
    if (found.isEmpty()) {
      return;
    }
    report(found);
    Canvas canvas = new Canvas(image);
    for (Detection d : found) {
      int[] xs = d.getXs();
      int[] ys = d.getYs();
      canvas.drawPolygon(xs, ys, xs.length, thickness, color);
      if (showText) {
        TextStamp label = label(d.getText(), Math.max(14, image.getHeight() / 30));
        int top = Math.max(0, min(ys) - label.getHeight() - thickness - 2);
        int left = Math.max(0, Math.min(min(xs), image.getWidth() - label.getWidth()));
        canvas.fillRect(left - 2, top - 1, label.getWidth() + 4, label.getHeight() + 2, 0xA0000000);
        canvas.drawText(label, left, top, 0xFFFFFFFF);
      }
    }
  }

  private List<Detection> detect(RgbaImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int step = resolution.equals("half") || (resolution.equals("auto") && w > 960) ? 2 : 1;
    int lw = w / step;
    int lh = h / step;
    if (luma.length < lw * lh) {
      luma = new byte[lw * lh];
    }
    if (row.length < w) {
      row = new int[w];
    }
    for (int y = 0; y < lh; y++) {
      image.readRow(y * step, row);
      int base = y * lw;
      for (int x = 0; x < lw; x++) {
        luma[base + x] = (byte) Argb.luma(row[x * step]);
      }
    }
    PlanarYUVLuminanceSource source = new PlanarYUVLuminanceSource(luma, lw, lh, 0, 0, lw, lh, false);
    Result[] results;
    try {
      results = new GenericMultipleBarcodeReader(reader).decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)));
    } catch (ReaderException e) {
      return List.of();
    }
    List<Detection> out = new ArrayList<>(results.length);
    for (Result r : results) {
      out.add(outline(r, step));
    }
    return out;
  }

  // QR results carry three finder centres (bottom-left, top-left, top-right): complete the square and widen it to
  // the code's edge. Linear codes carry two end points: draw a box around that line.
  private static Detection outline(Result r, int step) {
    ResultPoint[] p = r.getResultPoints();
    int[] xs;
    int[] ys;
    if (p != null && p.length >= 3) {
      float cx = (p[0].getX() + p[2].getX()) / 2;
      float cy = (p[0].getY() + p[2].getY()) / 2;
      float[][] corners = {
          {p[1].getX(), p[1].getY()}, {p[2].getX(), p[2].getY()},
          {p[0].getX() + p[2].getX() - p[1].getX(), p[0].getY() + p[2].getY() - p[1].getY()},
          {p[0].getX(), p[0].getY()}};
      xs = new int[4];
      ys = new int[4];
      for (int i = 0; i < 4; i++) {
        xs[i] = Math.round((cx + (corners[i][0] - cx) * 1.3f) * step);
        ys[i] = Math.round((cy + (corners[i][1] - cy) * 1.3f) * step);
      }
    } else if (p != null && p.length == 2) {
      int pad = 12;
      int x0 = Math.round(Math.min(p[0].getX(), p[1].getX()) * step) - pad;
      int x1 = Math.round(Math.max(p[0].getX(), p[1].getX()) * step) + pad;
      int y = Math.round((p[0].getY() + p[1].getY()) / 2 * step);
      xs = new int[] {x0, x1, x1, x0};
      ys = new int[] {y - 3 * pad, y - 3 * pad, y + 3 * pad, y + 3 * pad};
    } else {
      xs = new int[] {0};
      ys = new int[] {0};
    }
    return new Detection(r.getText(), r.getBarcodeFormat().name(), xs, ys);
  }

  private TextStamp label(String text, int size) {
    String key = size + ":" + text;
    TextStamp stamp = labels.get(key);
    if (stamp == null) {
      if (labels.size() >= MAX_CACHED_LABELS) {
        labels.clear();
      }
      stamp = TextStamp.render(text, size, true);
      labels.put(key, stamp);
    }
    return stamp;
  }

  private void report(List<Detection> found) {
    String summary = found.toString();
    String texts = found.stream().map(Detection::getText).reduce("", (a, b) -> a + "\n" + b);
    if (!texts.equals(lastReported)) {
      lastReported = texts;
      LOG.info("found {}", summary);
    }
  }

  private static int min(int[] v) {
    int m = Integer.MAX_VALUE;
    for (int i : v) {
      m = Math.min(m, i);
    }
    return m;
  }
}
