package dev.framebridge.transport

import groovy.transform.CompileStatic
import java.nio.ByteBuffer

/** Frame contents that are a function of the timestamp, so a torn or mixed frame is detectable byte by byte. */
@CompileStatic
class Patterns {
  static byte valueFor(long timestampUs) {
    (byte) ((timestampUs * 31 + 7) & 0xFF)
  }

  static long wordFor(long timestampUs) {
    long b = valueFor(timestampUs) & 0xFFL
    b * 0x0101010101010101L
  }

  /** Fills {@code size} bytes from index 0. */
  static void fill(ByteBuffer buffer, int size, long timestampUs) {
    long word = wordFor(timestampUs)
    int i = 0
    for (; i + 8 <= size; i += 8) {
      buffer.putLong(i, word)
    }
    byte v = valueFor(timestampUs)
    for (; i < size; i++) {
      buffer.put(i, v)
    }
  }

  /** Index of the first byte that does not match, or -1. */
  static int firstMismatch(ByteBuffer buffer, int size, long timestampUs) {
    long word = wordFor(timestampUs)
    int i = 0
    for (; i + 8 <= size; i += 8) {
      if (buffer.getLong(i) != word) {
        return i
      }
    }
    byte v = valueFor(timestampUs)
    for (; i < size; i++) {
      if (buffer.get(i) != v) {
        return i
      }
    }
    -1
  }
}
