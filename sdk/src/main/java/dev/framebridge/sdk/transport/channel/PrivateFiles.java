package dev.framebridge.sdk.transport.channel;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Creates files readable only by their owner (0600) and directories only it can enter (0700). */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /**
   * Creates a new, empty file with mode 0600.
   *
   * @throws FileAlreadyExistsException if it exists
   */
  public static Path createFile(Path file) throws IOException {
    FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FILE);
    Files.createFile(file, mode);
    Files.setPosixFilePermissions(file, FILE); // in case a umask narrowed or widened it
    return file;
  }

  /** Creates {@code directory} (and missing parents) with mode 0700, or sets 0700 on an existing one. */
  public static Path createDirectory(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      try {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
      } catch (FileAlreadyExistsException e) {
        // a racing creator made it; fine
      }
    }
    Files.setPosixFilePermissions(directory, DIRECTORY);
    return directory;
  }
}
