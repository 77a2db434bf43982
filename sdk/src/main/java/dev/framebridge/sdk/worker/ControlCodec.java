package dev.framebridge.sdk.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The wire format of the control channel: the worker's stdin (host → worker) and stdout (worker → host) pipes.
 * Pipes rather than shared memory because control is low-rate, and because a pipe reports the death of the other
 * side by itself: when the host dies, even by kill -9, the worker's stdin reaches EOF at once.
 *
 * <pre>
 * message  := magic:u16 = 0xFB01 (protocol version 1 in the low byte)
 *             type:u8   = ControlMessageType ordinal
 *             length:u32 = payload bytes that follow
 *             payload
 * payload  := count:u16, then count × (key:modified-UTF-8, value)
 * value    := tag:u8 then  'S' UTF string | 'T' u32 length + UTF-8 bytes (long strings) | 'J' i64 | 'I' i32
 *                         | 'D' f64 | 'Z' u8 0/1 | 'M' a nested payload
 * </pre>
 * All integers are big-endian ({@link DataOutputStream}). A reader that meets a wrong magic treats the stream as
 * corrupt (e.g. a plugin wrote to the real stdout) and throws.
 */
public final class ControlCodec {
  /** The protocol version carried in INIT and HELLO and in the low byte of the magic. */
  public static final int PROTOCOL_VERSION = 1;
  static final int MAGIC = 0xFB00 | PROTOCOL_VERSION;
  private static final int MAX_PAYLOAD = 1 << 20;
  private static final ControlMessageType[] TYPES = ControlMessageType.values();

  private ControlCodec() {}

  /** Writes and flushes one message. Callers sharing a stream must serialise calls. */
  public static void write(OutputStream out, ControlMessage message) throws IOException {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(128);
    DataOutputStream b = new DataOutputStream(body);
    writeMap(b, message.getPayload());
    b.flush();
    DataOutputStream d = new DataOutputStream(out);
    d.writeShort(MAGIC);
    d.writeByte(message.getType().ordinal());
    d.writeInt(body.size());
    body.writeTo(d);
    d.flush();
  }

  /**
   * Reads one message, or returns null at a clean end of stream.
   *
   * @throws IOException for a torn or corrupt stream
   */
  public static @Nullable ControlMessage read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    int first = d.read();
    if (first < 0) {
      return null;
    }
    int magic = (first << 8) | d.readUnsignedByte();
    if (magic != MAGIC) {
      throw new IOException(String.format("corrupt control stream: magic 0x%04X, expected 0x%04X", magic, MAGIC));
    }
    int type = d.readUnsignedByte();
    int length = d.readInt();
    if (type >= TYPES.length || length < 0 || length > MAX_PAYLOAD) {
      throw new IOException("corrupt control stream: type " + type + ", length " + length);
    }
    byte[] body = new byte[length];
    d.readFully(body);
    DataInputStream b = new DataInputStream(new java.io.ByteArrayInputStream(body));
    try {
      return ControlMessage.of(TYPES[type], readMap(b));
    } catch (EOFException e) {
      throw new IOException("corrupt control message " + TYPES[type] + ": payload shorter than its fields", e);
    }
  }

  private static void writeMap(DataOutputStream out, Map<String, ?> map) throws IOException {
    out.writeShort(map.size());
    for (Map.Entry<String, ?> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      writeValue(out, e.getKey(), e.getValue());
    }
  }

  private static void writeValue(DataOutputStream out, String key, @Nullable Object v) throws IOException {
    if (v instanceof String) {
      byte[] utf8 = ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      out.writeByte('T');
      out.writeInt(utf8.length);
      out.write(utf8);
    } else if (v instanceof Long) {
      out.writeByte('J');
      out.writeLong((Long) v);
    } else if (v instanceof Integer) {
      out.writeByte('I');
      out.writeInt((Integer) v);
    } else if (v instanceof Double || v instanceof Float) {
      out.writeByte('D');
      out.writeDouble(((Number) v).doubleValue());
    } else if (v instanceof Boolean) {
      out.writeByte('Z');
      out.writeBoolean((Boolean) v);
    } else if (v instanceof Map) {
      out.writeByte('M');
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) v;
      writeMap(out, m);
    } else {
      throw new IllegalArgumentException("control value '" + key + "' has unsupported type "
          + (v == null ? "null" : v.getClass().getName()));
    }
  }

  private static Map<String, Object> readMap(DataInputStream in) throws IOException {
    int n = in.readUnsignedShort();
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String key = in.readUTF();
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 'S': map.put(key, in.readUTF()); break;
        case 'T': {
          int len = in.readInt();
          if (len < 0 || len > MAX_PAYLOAD) {
            throw new IOException("corrupt control string length " + len);
          }
          byte[] b = new byte[len];
          in.readFully(b);
          map.put(key, new String(b, java.nio.charset.StandardCharsets.UTF_8));
          break;
        }
        case 'J': map.put(key, in.readLong()); break;
        case 'I': map.put(key, in.readInt()); break;
        case 'D': map.put(key, in.readDouble()); break;
        case 'Z': map.put(key, in.readBoolean()); break;
        case 'M': map.put(key, readMap(in)); break;
        default: throw new IOException("corrupt control value tag " + tag + " for '" + key + "'");
      }
    }
    return map;
  }
}
