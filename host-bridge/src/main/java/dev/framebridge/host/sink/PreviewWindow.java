package dev.framebridge.host.sink;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.jspecify.annotations.Nullable;

/**
 * A Swing window showing the program output, optionally with the camera input beside it ("before | after"). It
 * repaints from the {@link PictureStore}s on a Swing timer, so it never touches the frame path; closing the window
 * runs {@code onClose} (the host shuts down).
 */
public final class PreviewWindow implements AutoCloseable {
  private final JFrame frame;
  private final Timer timer;

  private PreviewWindow(JFrame frame, Timer timer) {
    this.frame = frame;
    this.timer = timer;
  }

  /** True when a window can be shown (a display is present and AWT is not headless). */
  public static boolean isDisplayAvailable() {
    return !GraphicsEnvironment.isHeadless();
  }

  /**
   * Opens the window.
   *
   * @param input the camera picture shown left of the output, or null for output only
   * @throws IllegalStateException if no display is available
   */
  public static PreviewWindow open(String title, PictureStore output, @Nullable PictureStore input, double fps,
      Runnable onClose) {
    if (!isDisplayAvailable()) {
      throw new IllegalStateException("no display for the preview window (use --preview web or none)");
    }
    PreviewWindow[] made = new PreviewWindow[1];
    try {
      SwingUtilities.invokeAndWait(() -> made[0] = create(title, output, input, fps, onClose));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening the preview window", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot open the preview window: " + e.getCause(), e.getCause());
    }
    return made[0];
  }

  private static PreviewWindow create(String title, PictureStore output, @Nullable PictureStore input, double fps,
      Runnable onClose) {
    JFrame frame = new JFrame(title);
    View view = new View(output, input);
    frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
    frame.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        onClose.run();
      }
    });
    frame.getContentPane().add(view);
    frame.pack();
    frame.setLocationByPlatform(true);
    frame.setVisible(true);
    Timer timer = new Timer(Math.max(5, (int) (1000 / fps)), e -> view.refresh());
    timer.start();
    return new PreviewWindow(frame, timer);
  }

  @Override
  public void close() {
    SwingUtilities.invokeLater(() -> {
      timer.stop();
      frame.dispose();
    });
  }

  /** Paints the latest pictures scaled to fit, side by side. */
  private static final class View extends JComponent {
    private static final long serialVersionUID = 1L;
    private final transient PictureStore output;
    private final transient @Nullable PictureStore input;
    private final transient Picture outputPicture = new Picture();
    private final transient Picture inputPicture = new Picture();

    View(PictureStore output, @Nullable PictureStore input) {
      this.output = output;
      this.input = input;
      setPreferredSize(new Dimension(input == null ? 960 : 1280, input == null ? 540 : 360));
      setOpaque(true);
    }

    void refresh() {
      boolean changed = output.getSequence() != outputPicture.getSequence() && output.readInto(outputPicture);
      if (input != null && input.getSequence() != inputPicture.getSequence()) {
        changed |= input.readInto(inputPicture);
      }
      if (changed) {
        repaint();
      }
    }

    @Override
    protected void paintComponent(Graphics g) {
      Graphics2D g2 = (Graphics2D) g;
      g2.setColor(Color.BLACK);
      g2.fillRect(0, 0, getWidth(), getHeight());
      g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      int panes = input == null ? 1 : 2;
      int paneWidth = getWidth() / panes;
      if (input != null) {
        paint(g2, inputPicture, 0, paneWidth, "input");
      }
      paint(g2, outputPicture, (panes - 1) * paneWidth, paneWidth, "output");
    }

    private void paint(Graphics2D g, Picture p, int x, int w, String label) {
      if (p.getSequence() < 0) {
        g.setColor(Color.GRAY);
        g.drawString("waiting for " + label + "…", x + 10, 20);
        return;
      }
      double scale = Math.min((double) w / p.getWidth(), (double) getHeight() / p.getHeight());
      int dw = (int) (p.getWidth() * scale);
      int dh = (int) (p.getHeight() * scale);
      int left = x + (w - dw) / 2;
      int top = (getHeight() - dh) / 2;
      g.drawImage(p.getImage(), left, top, dw, dh, null);
      g.setColor(new Color(0, 0, 0, 160));
      g.fillRect(left, top, g.getFontMetrics().stringWidth(label) + 12, 20);
      g.setColor(Color.WHITE);
      g.drawString(label, left + 6, top + 15);
    }
  }
}
