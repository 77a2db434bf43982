package dev.framebridge.host.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the default plugins folder on first run and seeds it with the example plugins the build put in
 * {@code plugins-example/target/plugins/}, so a newcomer sees effects right away.
 */
final class PluginFolderSeed {
  private static final Logger LOG = LoggerFactory.getLogger(PluginFolderSeed.class);

  private PluginFolderSeed() {}

  /**
   * Creates {@code folder} if missing and copies {@code *.jar} from {@code examples} (when it exists) into it.
   *
   * @return how many JARs were copied (0 if the folder already existed)
   */
  static int seedIfMissing(Path folder, @Nullable Path examples) {
    if (Files.isDirectory(folder)) {
      return 0;
    }
    try {
      Files.createDirectories(folder);
      int copied = 0;
      if (examples != null && Files.isDirectory(examples)) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(examples, "*.jar")) {
          for (Path jar : jars) {
            // Copy under a temporary name and rename, so a folder watcher never sees half a JAR.
            Path tmp = folder.resolve("." + jar.getFileName() + ".part");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, folder.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            copied++;
          }
        }
      }
      if (copied > 0) {
        LOG.info("created {} with {} example plugin(s) from {}", folder, copied, examples);
      } else {
        LOG.info("created {} (no example plugins found{}); drop plugin JARs there", folder,
            examples == null ? "" : " in " + examples);
      }
      return copied;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create plugins folder " + folder + ": " + e.getMessage(), e);
    }
  }
}
