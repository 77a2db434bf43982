package dev.framebridge.host.chain;

import dev.framebridge.host.plugin.PluginJar;
import dev.framebridge.host.supervisor.DryChunks;
import dev.framebridge.host.supervisor.PluginSupervisor;
import dev.framebridge.host.supervisor.PluginWorker;
import dev.framebridge.host.supervisor.SupervisorContext;
import dev.framebridge.sdk.transport.channel.ChannelPublisher;
import dev.framebridge.sdk.worker.ChannelFrames;
import dev.framebridge.spi.TrackKind;
import dev.framebridge.spi.media.AudioData;
import dev.framebridge.spi.media.MediaFrame;
import dev.framebridge.spi.settings.Settings;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * One place in the chain: a stable input channel its workers read (so worker restarts and swaps never rewire
 * anything), and the choice, per frame, between sending the frame to the serving worker and passing it on untouched.
 * The channel is of the chain's track kind; audio gets the ring's maximum of slots so a worker that is briefly
 * descheduled reads every chunk late rather than losing some.
 */
final class ChainSlot implements AutoCloseable {
  private static final int VIDEO_INPUT_SLOTS = 6;
  private static final int AUDIO_INPUT_SLOTS = 64;

  private final String id;
  private final TrackKind kind;
  private final Path entry;
  private final ChannelPublisher input;
  private final PluginSupervisor supervisor;
  private final @Nullable DryChunks dry;
  private final Object inputLock = new Object();
  private volatile @Nullable String rejection;
  private long inputDropped;

  ChainSlot(SupervisorContext context, TrackKind kind, Path entry, PluginJar jar, Settings settings, boolean enabled,
      int serial, MediaSink downstream) throws IOException {
    this.id = jar.getId();
    this.kind = kind;
    this.entry = entry;
    String name = "in-" + id + "-" + serial;
    this.input = ChannelPublisher.create(context.getChannelDir(), name, kind,
        kind == TrackKind.AUDIO ? AUDIO_INPUT_SLOTS : VIDEO_INPUT_SLOTS);
    // audio keeps as many dry chunks as the input ring holds: a worker that fell further behind has lost them anyway
    this.dry = kind == TrackKind.AUDIO ? new DryChunks(AUDIO_INPUT_SLOTS) : null;
    this.supervisor = new PluginSupervisor(context, kind, jar, settings, enabled,
        ChannelFrames.handle(context.getChannelDir(), name), downstream::accept, dry);
  }

  String getId() {
    return id;
  }

  /** The plugins-folder entry this slot's plugin came from. */
  Path getEntry() {
    return entry;
  }

  PluginSupervisor getSupervisor() {
    return supervisor;
  }

  /** The last rejection of a new JAR for this slot (the old build keeps serving), or null. */
  @Nullable String getRejection() {
    return rejection;
  }

  void setRejection(@Nullable String reason) {
    rejection = reason;
  }

  void start() {
    supervisor.start();
  }

  /**
   * Takes one frame from upstream: to the workers if any reads the input, and past the plugin unless a worker serves.
   *
   * @param passOn where an unserved frame goes (the next slot or the chain output)
   */
  void accept(MediaFrame frame, MediaSink passOn) {
    if (supervisor.wantsInput()) {
      String failure = null;
      synchronized (inputLock) {
        try {
          if (!ChannelFrames.write(input, frame)) {
            inputDropped++;
          }
        } catch (RuntimeException e) {
          inputDropped++;
          failure = describe(e);
        }
      }
      if (failure == null) {
        supervisor.noteInput(System.nanoTime());
        if (dry != null && frame instanceof AudioData) {
          dry.add((AudioData) frame);
        }
      } else {
        supervisor.inputFailed("cannot write its input frames to shared memory: " + failure);
      }
    }
    // decided after the write, so a worker taking over now already has this frame
    if (supervisor.passThrough(frame.getTimestamp())) {
      passOn.accept(frame);
    } else {
      frame.close();
    }
  }

  /** The first IOException's message (it names the file and the cause), else the exception itself. */
  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && t.getMessage() != null) {
        return t.getMessage();
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  PluginStatus status(int position) {
    PluginJar jar = supervisor.getJar();
    PluginWorker w = supervisor.getWorker();
    String rej = rejection;
    String err = rej != null ? rej : supervisor.getLastError();
    return PluginStatus.builder().id(id).kind(kind).version(jar.getVersion()).jar(entry.getFileName().toString())
        .state(supervisor.getState()).pid(w == null ? 0 : w.getPid()).restarts(supervisor.getRestarts())
        .lastError(err).fps(w == null ? 0 : w.getFps()).p50Us(w == null ? 0 : w.getP50Us())
        .p99Us(w == null ? 0 : w.getP99Us()).dropped(inputDropped + (w == null ? 0 : w.getDropped()))
        .enabled(supervisor.isEnabled()).position(position).build();
  }

  /** Stops the workers, then ends the input channel. */
  @Override
  public void close() {
    supervisor.close();
    synchronized (inputLock) {
      input.close();
    }
  }
}
