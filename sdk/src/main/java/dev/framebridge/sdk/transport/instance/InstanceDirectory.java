package dev.framebridge.sdk.transport.instance;

import dev.framebridge.sdk.transport.channel.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host instance's directory {@code <root>/framebridge-<user>/host-<pid>-<random>} (0700, files 0600), holding
 * every channel of that host. An {@code owner} file records the host's pid and process start time; a starting host
 * deletes sibling directories whose owner is no longer alive (a pid reused by another process does not count, since
 * its start time differs). Closing deletes the directory (and the per-user one if it is then empty).
 */
public final class InstanceDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceDirectory.class);
  /** The owner file's name. */
  public static final String OWNER_FILE = "owner";
  /** The default root: tmpfs, so the files are memory. */
  public static final Path DEFAULT_ROOT = Path.of("/dev/shm");

  private final Path path;
  private final List<Path> reclaimed;
  private volatile boolean closed;

  private InstanceDirectory(Path path, List<Path> reclaimed) {
    this.path = path;
    this.reclaimed = List.copyOf(reclaimed);
  }

  /**
   * Creates this process's directory under {@code root}, first reclaiming dead hosts' directories there.
   *
   * @throws IOException if the directory cannot be created
   */
  public static InstanceDirectory create(Path root) throws IOException {
    Path userDirectory = PrivateFiles.createDirectory(userDirectory(root));
    List<Path> reclaimed = reclaim(userDirectory);
    ProcessHandle self = ProcessHandle.current();
    String id = "host-" + self.pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    Path path = PrivateFiles.createDirectory(userDirectory.resolve(id));
    Path owner = PrivateFiles.createFile(path.resolve(OWNER_FILE));
    Files.writeString(owner, ownerLine(self), StandardCharsets.UTF_8);
    return new InstanceDirectory(path, reclaimed);
  }

  /** {@code <root>/framebridge-<user>}. */
  public static Path userDirectory(Path root) {
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
    return root.resolve("framebridge-" + user);
  }

  private static String ownerLine(ProcessHandle process) {
    Optional<Instant> start = process.info().startInstant();
    return process.pid() + " " + start.map(i -> Long.toString(i.toEpochMilli())).orElse("-") + "\n";
  }

  /**
   * Deletes the host directories in {@code userDirectory} whose owner process is gone.
   *
   * @return the directories deleted
   */
  public static List<Path> reclaim(Path userDirectory) throws IOException {
    List<Path> deleted = new ArrayList<>();
    if (!Files.isDirectory(userDirectory)) {
      return deleted;
    }
    try (DirectoryStream<Path> children = Files.newDirectoryStream(userDirectory, "host-*")) {
      for (Path child : children) {
        if (Files.isDirectory(child) && !isOwnerAlive(child)) {
          LOG.info("reclaiming {} left by a host that is gone", child);
          deleteRecursively(child);
          deleted.add(child);
        }
      }
    }
    return deleted;
  }

  /** Whether the process named by {@code directory}'s owner file is alive (a directory still being made counts). */
  public static boolean isOwnerAlive(Path directory) {
    String line;
    try {
      line = Files.readString(directory.resolve(OWNER_FILE), StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      return ownerPidFromName(directory).map(InstanceDirectory::alive).orElse(false);
    } catch (IOException e) {
      return true; // unreadable: leave it alone
    }
    String[] parts = line.split(" ");
    long pid;
    try {
      pid = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      return false;
    }
    if (parts.length > 1 && !"-".equals(parts[1])) {
      String now = process.get().info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("-");
      return "-".equals(now) || now.equals(parts[1]);
    }
    return true;
  }

  private static Optional<Long> ownerPidFromName(Path directory) {
    String[] parts = directory.getFileName().toString().split("-");
    try {
      return parts.length >= 2 ? Optional.of(Long.parseLong(parts[1])) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Deletes a directory tree, tolerating files vanishing meanwhile. */
  public static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    Files.walkFileTree(directory, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException exc) throws IOException {
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  public Path getPath() {
    return path;
  }

  /** Dead hosts' directories deleted when this one was created. */
  public List<Path> getReclaimed() {
    return reclaimed;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Deletes the directory and everything in it. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      deleteRecursively(path);
      try {
        Files.deleteIfExists(path.getParent()); // the per-user directory, when no other host uses it
      } catch (java.nio.file.DirectoryNotEmptyException e) {
        // another host of this user is running
      }
    }
  }
}
