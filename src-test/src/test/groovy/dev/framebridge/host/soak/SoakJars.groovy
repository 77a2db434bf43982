package dev.framebridge.host.soak

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.FileTime
import java.util.zip.ZipEntry
import java.util.zip.ZipFile
import java.util.zip.ZipOutputStream

/**
 * Rebuilt copies of a plugin JAR for hot replacement: the same classes plus one extra entry naming the generation, so
 * the file's content (and the chain's fingerprint of it) differs every time while the plugin stays the same.
 */
class SoakJars {
  static final String MARKER = 'META-INF/framebridge-soak.txt'

  /** Writes generation {@code n} of {@code original} into {@code staging}, then moves it over {@code target} at once. */
  static void install(Path original, Path staging, Path target, int n) {
    Path next = staging.resolve(target.fileName.toString() + ".$n")
    rebuild(original, next, n)
    Files.move(next, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
  }

  static void rebuild(Path original, Path out, int n) {
    FileTime now = FileTime.fromMillis(System.currentTimeMillis())
    new ZipFile(original.toFile()).withCloseable { ZipFile zip ->
      new ZipOutputStream(Files.newOutputStream(out)).withCloseable { ZipOutputStream z ->
        zip.entries().each { ZipEntry e ->
          if (e.name == MARKER) {
            return
          }
          def copy = new ZipEntry(e.name)
          copy.lastModifiedTime = now
          z.putNextEntry(copy)
          zip.getInputStream(e).withCloseable { z << it }
          z.closeEntry()
        }
        def marker = new ZipEntry(MARKER)
        marker.lastModifiedTime = now
        z.putNextEntry(marker)
        z.write("soak generation $n at $now\n".getBytes('UTF-8'))
        z.closeEntry()
      }
    }
  }
}
