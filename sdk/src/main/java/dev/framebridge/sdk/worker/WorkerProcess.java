package dev.framebridge.sdk.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running worker JVM seen from its launcher: the control channel (its stdin/stdout), its stderr forwarded to the
 * log under {@code dev.framebridge.plugin.<name>}, and its exit. Closing asks it to stop, then kills it.
 */
public final class WorkerProcess implements AutoCloseable {
  private static final int RECENT_LINES = 40;

  private final Process process;
  private final String name;
  private final OutputStream control;
  private final Logger log;
  private final Deque<String> recentStderr = new ArrayDeque<>();
  private final CompletableFuture<String> controlClosed = new CompletableFuture<>();
  private final CompletableFuture<Integer> exit;

  WorkerProcess(Process process, String name, ControlListener listener) {
    this.process = process;
    this.name = name;
    this.control = process.getOutputStream();
    this.log = LoggerFactory.getLogger("dev.framebridge.plugin." + name);
    this.exit = process.onExit().thenApply(Process::exitValue);
    Thread reader = new Thread(() -> readControl(process.getInputStream(), listener),
        "worker-" + name + "-" + process.pid() + "-control");
    reader.setDaemon(true);
    reader.start();
    Thread err = new Thread(() -> readStderr(process.getErrorStream()), "worker-" + name + "-" + process.pid() + "-err");
    err.setDaemon(true);
    err.start();
  }

  public long getPid() {
    return process.pid();
  }

  public ProcessHandle toHandle() {
    return process.toHandle();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with the exit code when the JVM has exited. */
  public CompletableFuture<Integer> getExit() {
    return exit;
  }

  /** Completes with a reason when the worker's control output ends (EOF) or turns corrupt. */
  public CompletableFuture<String> getControlClosed() {
    return controlClosed;
  }

  /** The last lines the worker wrote to stderr (plugin System.out lands there too), oldest first. */
  public List<String> getRecentStderr() {
    synchronized (recentStderr) {
      return new ArrayList<>(recentStderr);
    }
  }

  /** Sends one message; returns false (never throws) when the worker is gone. */
  public boolean send(ControlMessage message) {
    synchronized (control) {
      try {
        ControlCodec.write(control, message);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** Kills the JVM at once (SIGKILL). */
  public void kill() {
    process.destroyForcibly();
  }

  /** Asks the worker to stop, waits up to {@code graceMs} for it, then kills it; returns once it has exited. */
  public void stop(long graceMs) {
    if (process.isAlive()) {
      send(ControlMessage.of(ControlMessageType.STOP));
      try {
        if (!process.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      control.close();
    } catch (IOException ignored) {
      // the pipe is already gone
    }
  }

  @Override
  public void close() {
    stop(1000);
  }

  private void readControl(InputStream in, ControlListener listener) {
    String reason = "control channel closed";
    try (in) {
      ControlMessage m;
      while ((m = ControlCodec.read(in)) != null) {
        try {
          listener.onMessage(m);
        } catch (RuntimeException e) {
          log.warn("control listener failed on {}", m.getType(), e);
        }
      }
    } catch (IOException e) {
      reason = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    controlClosed.complete(reason);
  }

  private void readStderr(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (recentStderr) {
          if (recentStderr.size() == RECENT_LINES) {
            recentStderr.removeFirst();
          }
          recentStderr.addLast(line);
        }
        log.info("[{} pid {}] {}", name, process.pid(), line);
      }
    } catch (IOException ignored) {
      // the worker is gone
    }
  }

  @Override
  public String toString() {
    return "worker " + name + " (pid " + process.pid() + ")";
  }
}
