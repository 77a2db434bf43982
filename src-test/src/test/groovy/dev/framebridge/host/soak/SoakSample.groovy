package dev.framebridge.host.soak

import groovy.json.JsonOutput
import java.nio.file.FileStore
import java.nio.file.Files
import java.nio.file.Path

/**
 * One sample of a running host, taken from outside as an operator would: /proc of the host JVM (RSS, threads, open
 * fds, /dev/shm files it still maps after their deletion), its child processes (the worker JVMs), /dev/shm as df sees
 * it, the files of the host's own shared-memory directory, and the output as GET /api/status reports it.
 */
class SoakSample {
  static final Path SHM = Path.of('/dev/shm')
  static final double MB = 1024 * 1024

  double t
  double rssMb
  /** The part of RSS that is the JVM's own memory (heap, metaspace, stacks, malloc). */
  double rssAnonMb
  /** The part of RSS that is shared memory it maps: the channel rings the host reads and writes. */
  double rssShmemMb
  int threads
  int fds
  int workers
  /** df's used bytes of /dev/shm: every process's files, and deleted files still mapped somewhere. */
  double shmUsedMb
  /** Bytes of the files in the host's instance directories (/dev/shm/framebridge-<user>/host-<pid>-*). */
  double hostShmMb
  /** /dev/shm files the host still maps although they are deleted: memory df counts and no listing shows. */
  int hostDeletedMaps
  double hostDeletedMapsMb
  Double fps
  Long frames
  Double maxGapMs
  Long drops
  Integer restarts
  String states
  int replaced
  int killed

  /** Reads everything but the status, which the caller parses from GET /api/status (null if it failed). */
  static SoakSample take(long hostPid, double t, Map status, int replaced, int killed) {
    def s = new SoakSample(t: t, replaced: replaced, killed: killed)
    Map<String, String> proc = procStatus(hostPid)
    s.rssMb = kbToMb(proc.VmRSS)
    s.rssAnonMb = kbToMb(proc.RssAnon)
    s.rssShmemMb = kbToMb(proc.RssShmem)
    s.threads = (proc.Threads ?: '0') as int
    s.fds = count(Path.of("/proc/$hostPid/fd"))
    s.workers = ProcessHandle.of(hostPid).map { it.children().filter { it.alive }.count() }.orElse(0L) as int
    FileStore store = Files.getFileStore(SHM)
    s.shmUsedMb = (store.totalSpace - store.unallocatedSpace) / MB
    s.hostShmMb = hostShmBytes(hostPid) / MB
    def deleted = deletedShmMappings(hostPid)
    s.hostDeletedMaps = deleted.size()
    s.hostDeletedMapsMb = (deleted.sum() ?: 0L) / MB
    if (status != null) {
      Map output = status.output as Map
      s.fps = output.fps as Double
      s.frames = output.frames as Long
      s.maxGapMs = output.maxGapMs as Double
      List<Map> plugins = status.plugins as List<Map>
      s.drops = plugins.sum(0L) { it.dropped as long } as Long
      s.restarts = plugins.sum(0) { it.restarts as int } as Integer
      s.states = plugins.collect { it.state }.join(',')
    }
    s
  }

  static Map<String, String> procStatus(long pid) {
    Map<String, String> out = [:]
    Files.readAllLines(Path.of("/proc/$pid/status")).each { String line ->
      int colon = line.indexOf(':')
      if (colon > 0) {
        out[line.substring(0, colon)] = line.substring(colon + 1).trim()
      }
    }
    out
  }

  static double kbToMb(String value) {
    ((value ?: '0 kB').split(/\s+/)[0] as long) / 1024d
  }

  static int count(Path dir) {
    Files.list(dir).withCloseable { it.count() } as int
  }

  static long hostShmBytes(long pid) {
    Path user = SHM.resolve('framebridge-' + System.getProperty('user.name').replaceAll('[^A-Za-z0-9._-]', '_'))
    if (!Files.isDirectory(user)) {
      return 0
    }
    long total = 0
    Files.list(user).withCloseable { dirs ->
      dirs.filter { it.fileName.toString().startsWith("host-$pid-") }.forEach { Path dir ->
        try {
          Files.list(dir).withCloseable { files -> files.forEach { total += Files.size(it) } }
        } catch (IOException ignored) {
          // a channel deleted while we looked
        }
      }
    }
    total
  }

  /** Sizes of the host's mappings of deleted /dev/shm files, from /proc/<pid>/maps. */
  static List<Long> deletedShmMappings(long pid) {
    Files.readAllLines(Path.of("/proc/$pid/maps")).findAll { it.contains(' /dev/shm/') && it.endsWith(' (deleted)') }
        .collect { String line ->
          String[] range = line.substring(0, line.indexOf(' ')).split('-')
          Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16)
        }
  }

  String toJson() {
    JsonOutput.toJson([t: round(t, 1), rssMb: round(rssMb, 1), rssAnonMb: round(rssAnonMb, 1),
        rssShmemMb: round(rssShmemMb, 1), threads: threads, fds: fds, workers: workers,
        shmUsedMb: round(shmUsedMb, 1), hostShmMb: round(hostShmMb, 1), hostDeletedMaps: hostDeletedMaps,
        hostDeletedMapsMb: round(hostDeletedMapsMb, 1), fps: fps, frames: frames, maxGapMs: maxGapMs,
        drops: drops, restarts: restarts, states: states, replaced: replaced, killed: killed])
  }

  static double round(double v, int digits) {
    Math.round(v * Math.pow(10, digits)) / Math.pow(10, digits)
  }
}
