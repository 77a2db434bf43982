package dev.framebridge.testing

import java.lang.management.ManagementFactory
import java.nio.file.FileStore
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path

/**
 * What this JVM holds at one moment, for specs that prove resources stay bounded: live Java threads, open file
 * descriptors, live child processes, the files of one shared-memory directory, and /dev/shm as {@code df} sees it.
 * The names behind the counts (threads, fd targets, files) are kept too, so a failure can say what leaked.
 */
class ResourceUsage {
  static final Path SHM = Path.of('/dev/shm')
  /**
   * The JDK waits for each child process on a thread of a cached pool, named "process reaper (pid N)" while it waits
   * and "process reaper" once idle; an idle one lives on for 60 s. So after a burst of worker JVMs a few idle reapers
   * remain for a minute: as many as children ran at once, not one per child ever started, and never a leak (a child
   * still waited for is counted in {@link #children}).
   */
  static final String IDLE_REAPER = 'process reaper'

  /** Live platform threads, less the JDK's idle process reapers (see {@link #IDLE_REAPER}). */
  int threads
  int idleReapers
  int fds
  int children
  int shmFiles
  long shmFileBytes
  /** /dev/shm allocated bytes (total - unallocated, as df): counts files deleted but still mapped somewhere. */
  long shmUsed
  /** Bytes of the files visible in /dev/shm outside {@code dir} (other processes' channels, other tests). */
  long shmForeign
  List<String> threadNames
  List<String> fdTargets
  List<String> files
  /** Files under /dev/shm this JVM still maps although they are deleted (from /proc/self/maps), one per mapping. */
  List<String> deletedMappings

  /**
   * /dev/shm bytes attributable to this JVM's chain: df's figure minus what others visibly hold, so another test
   * using /dev/shm at the same time does not move it (their deleted-but-mapped files still can, briefly).
   */
  long getShmOwnUsed() {
    shmUsed - shmForeign
  }

  static ResourceUsage of(Path dir) {
    def u = new ResourceUsage()
    def mx = ManagementFactory.threadMXBean
    // every live platform thread, whatever its group (Thread.activeCount sees one group only)
    def names = mx.getThreadInfo(mx.allThreadIds).findAll { it != null }*.threadName
    u.idleReapers = names.count { it == IDLE_REAPER } as int
    u.threadNames = names.findAll { it != IDLE_REAPER }.sort()
    u.threads = u.threadNames.size()
    u.fdTargets = fdTargets()
    u.fds = u.fdTargets.size()
    u.children = ProcessHandle.current().descendants().filter { it.alive }.count() as int
    def mine = regularFiles(dir)
    u.files = mine.keySet().collect { dir.relativize(it).toString() }.sort()
    u.shmFiles = mine.size()
    u.shmFileBytes = (mine.values().sum() ?: 0L) as long
    FileStore store = Files.getFileStore(SHM)
    u.shmUsed = store.totalSpace - store.unallocatedSpace
    u.deletedMappings = deletedShmMappings()
    u.shmForeign = (regularFiles(SHM).findAll { !it.key.startsWith(dir) }.values().sum() ?: 0L) as long
    u
  }

  static List<String> deletedShmMappings() {
    Files.readAllLines(Path.of('/proc/self/maps')).findAll { it.contains(' /dev/shm/') && it.endsWith(' (deleted)') }
        .collect { it.substring(it.indexOf(' /dev/shm/') + 1) }.sort()
  }

  /** What each open fd of this JVM points at ("pipe:[..]", a file, "anon_inode:[eventpoll]"...). */
  static List<String> fdTargets() {
    def out = []
    Files.list(Path.of('/proc/self/fd')).withCloseable { s ->
      s.forEach { Path fd ->
        try {
          out << Files.readSymbolicLink(fd).toString()
        } catch (IOException ignored) {
          // the fd of this very listing, closed by now
        }
      }
    }
    out.sort()
  }

  /** Regular files under {@code root} with their lengths; files vanishing during the walk are simply not counted. */
  static Map<Path, Long> regularFiles(Path root) {
    Map<Path, Long> found = [:]
    if (!Files.isDirectory(root)) {
      return found
    }
    for (int attempt = 0; ; attempt++) {
      try {
        found.clear()
        Files.walk(root).withCloseable { s ->
          s.filter { Files.isRegularFile(it) }.forEach { Path p ->
            try {
              found[p] = Files.size(p)
            } catch (NoSuchFileException ignored) {
              // deleted between the listing and the stat
            }
          }
        }
        return found
      } catch (UncheckedIOException e) {
        if (attempt >= 10) {
          throw e // a directory kept vanishing under the walk
        }
      }
    }
  }

  /** The elements of {@code now} beyond those of {@code before}, counting duplicates (a multiset difference). */
  static List<String> added(List<String> before, List<String> now) {
    def left = before.countBy { it }
    def extra = []
    now.each { String x ->
      if (left[x]) {
        left[x] = left[x] - 1
      } else {
        extra << x
      }
    }
    extra
  }

  @Override
  String toString() {
    "threads=$threads (+$idleReapers idle reapers) fds=$fds children=$children shmFiles=$shmFiles shmFileBytes=$shmFileBytes " +
        "shmUsed=$shmUsed shmForeign=$shmForeign shmOwnUsed=$shmOwnUsed deletedMappings=${deletedMappings.size()}"
  }
}
