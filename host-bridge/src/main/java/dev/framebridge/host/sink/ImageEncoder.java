package dev.framebridge.host.sink;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG and PNG encoding through ImageIO with one reused writer and output buffer per instance (one per sink thread;
 * not thread-safe).
 */
public final class ImageEncoder implements AutoCloseable {
  private final ImageWriter jpegWriter;
  private final ImageWriteParam jpegParam;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);

  /** @param jpegQuality 0..1 */
  public ImageEncoder(float jpegQuality) {
    jpegWriter = ImageIO.getImageWritersByFormatName("jpeg").next();
    jpegParam = jpegWriter.getDefaultWriteParam();
    jpegParam.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    jpegParam.setCompressionQuality(jpegQuality);
  }

  /** JPEG bytes of an opaque image. */
  public byte[] jpeg(BufferedImage image) {
    out.reset();
    try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      jpegWriter.setOutput(ios);
      jpegWriter.write(null, new IIOImage(image, null, null), jpegParam);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding failed", e);
    }
    return out.toByteArray();
  }

  /** PNG bytes (lossless, for pixel checks and documentation). */
  public byte[] png(BufferedImage image) {
    out.reset();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding failed", e);
    }
    return out.toByteArray();
  }

  /** Writes a PNG atomically (temporary file, then rename), so a reader never sees half a file. */
  public void writePng(BufferedImage image, Path file) throws IOException {
    byte[] bytes = png(image);
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    jpegWriter.dispose();
  }
}
