package dev.framebridge.sdk.worker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One message between host and worker: a type and a small payload of named values (String, Long, Integer, Double,
 * Boolean or a nested Map of those). Immutable; build one with {@link #of(ControlMessageType)} and {@link #with}.
 */
public final class ControlMessage {
  private final ControlMessageType type;
  private final Map<String, Object> payload;

  private ControlMessage(ControlMessageType type, Map<String, Object> payload) {
    this.type = type;
    this.payload = Collections.unmodifiableMap(payload);
  }

  public static ControlMessage of(ControlMessageType type) {
    return new ControlMessage(type, new LinkedHashMap<>());
  }

  static ControlMessage of(ControlMessageType type, Map<String, Object> payload) {
    return new ControlMessage(type, new LinkedHashMap<>(payload));
  }

  /** A copy with one more value. */
  public ControlMessage with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(payload);
    copy.put(key, value);
    return new ControlMessage(type, copy);
  }

  public ControlMessageType getType() {
    return type;
  }

  public Map<String, Object> getPayload() {
    return payload;
  }

  /** A String value; IllegalArgumentException naming the key when missing. */
  public String getString(String key) {
    return String.valueOf(require(key));
  }

  /** A String value or {@code fallback} when the key is absent. */
  public String getString(String key, String fallback) {
    Object v = payload.get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  public long getLong(String key) {
    return ((Number) require(key)).longValue();
  }

  /** A long value or {@code fallback} when the key is absent. */
  public long getLong(String key, long fallback) {
    Object v = payload.get(key);
    return v instanceof Number ? ((Number) v).longValue() : fallback;
  }

  /** A nested map, e.g. settings. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> getMap(String key) {
    return (Map<String, Object>) require(key);
  }

  public @Nullable Object get(String key) {
    return payload.get(key);
  }

  private Object require(String key) {
    Object v = payload.get(key);
    if (v == null) {
      throw new IllegalArgumentException(type + " message has no '" + key + "'");
    }
    return v;
  }

  @Override
  public String toString() {
    return type + " " + payload;
  }
}
