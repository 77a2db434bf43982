package dev.framebridge.spi.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable setting values, keyed as in the plugin's {@link SettingsSchema}; every key of the schema is present.
 * Typed getters throw IllegalArgumentException naming the key when it is absent or of another type.
 */
public final class Settings {
  private final Map<String, Object> values;

  Settings(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** All values in schema order: Double, Boolean, String or Integer (colour). */
  public Map<String, Object> asMap() {
    return values;
  }

  public double getDouble(String key) {
    return get(key, Number.class).doubleValue();
  }

  /** A number setting rounded to the nearest int. */
  public int getInt(String key) {
    return (int) Math.round(getDouble(key));
  }

  public boolean getBoolean(String key) {
    return get(key, Boolean.class);
  }

  public String getString(String key) {
    return get(key, String.class);
  }

  /** A colour setting as 0xRRGGBB. */
  public int getColor(String key) {
    return get(key, Integer.class);
  }

  private <T> T get(String key, Class<T> type) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no setting '" + key + "' (known: " + values.keySet() + ")");
    }
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException(
          "setting '" + key + "' is a " + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }
    return type.cast(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Settings && ((Settings) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "Settings" + values;
  }
}
