package dev.framebridge.host.plugin;

import java.nio.file.Path;
import java.util.Map;

/** Told the settled entries of the plugins folder (entry → size/mtime stamp) whenever that set changes. */
@FunctionalInterface
public interface FolderListener {
  void onSettled(Map<Path, String> entries);
}
