package dev.framebridge.sdk.transport;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names one shared-memory channel: its host instance directory and channel name. Travels as a short string
 * {@code fb1:<absolute directory>/<channel>} on a command line or in a control message. Immutable.
 */
public final class TrackHandle {
  /** The prefix of the string form; the digit is the handle format's version. */
  public static final String PREFIX = "fb1:";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Path directory;
  private final String channel;

  private TrackHandle(Path directory, String channel) {
    this.directory = directory;
    this.channel = channel;
  }

  /**
   * A handle for {@code channel} in {@code directory}.
   *
   * @throws IllegalArgumentException if the directory is not absolute or the name is not 1-64 of [A-Za-z0-9._-]
   */
  public static TrackHandle of(Path directory, String channel) {
    if (!directory.isAbsolute()) {
      throw new IllegalArgumentException("track handle directory must be absolute: " + directory);
    }
    requireName(channel);
    return new TrackHandle(directory.normalize(), channel);
  }

  static String requireName(String channel) {
    if (!NAME.matcher(channel).matches()) {
      throw new IllegalArgumentException("channel name '" + channel
          + "' must be 1-64 characters of [A-Za-z0-9._-], starting with a letter or digit");
    }
    return channel;
  }

  /**
   * Parses {@link #format()}'s output.
   *
   * @throws IllegalArgumentException for anything else, naming what is wrong
   */
  public static TrackHandle parse(String text) {
    if (!text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a track handle (expected '" + PREFIX + "<directory>/<channel>'): "
          + text);
    }
    String path = text.substring(PREFIX.length());
    int slash = path.lastIndexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw new IllegalArgumentException("track handle needs '<absolute directory>/<channel>': " + text);
    }
    return of(Path.of(path.substring(0, slash)), path.substring(slash + 1));
  }

  public Path getDirectory() {
    return directory;
  }

  public String getChannel() {
    return channel;
  }

  /** The string form, {@code fb1:<directory>/<channel>}. */
  public String format() {
    return PREFIX + directory + "/" + channel;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrackHandle && ((TrackHandle) o).directory.equals(directory)
        && ((TrackHandle) o).channel.equals(channel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(directory, channel);
  }

  @Override
  public String toString() {
    return format();
  }
}
