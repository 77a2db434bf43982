package dev.framebridge.spi.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings a plugin takes: an ordered list of typed fields with defaults, enough for a host to generate a form
 * like OBS's properties dialog. Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * SettingsSchema.builder()
 *     .number("radius", "Blur radius", 4, 0, 32, 1)
 *     .color("key", "Key colour", 0x00FF00)
 *     .build();
 * }</pre>
 */
public final class SettingsSchema {
  private static final SettingsSchema EMPTY = new SettingsSchema(List.of());

  private final List<SettingField> fields;
  private final Map<String, SettingField> byKey;

  private SettingsSchema(List<SettingField> fields) {
    this.fields = List.copyOf(fields);
    Map<String, SettingField> map = new LinkedHashMap<>();
    for (SettingField f : fields) {
      if (map.put(f.getKey(), f) != null) {
        throw new IllegalArgumentException("duplicate setting key '" + f.getKey() + "'");
      }
    }
    this.byKey = Collections.unmodifiableMap(map);
  }

  public static SettingsSchema empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<SettingField> getFields() {
    return fields;
  }

  /** The field with this key, or throws IllegalArgumentException naming it. */
  public SettingField getField(String key) {
    SettingField f = byKey.get(key);
    if (f == null) {
      throw new IllegalArgumentException("no setting '" + key + "' (known: " + byKey.keySet() + ")");
    }
    return f;
  }

  /** All defaults. */
  public Settings getDefaults() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (SettingField f : fields) {
      values.put(f.getKey(), f.getDefaultValue());
    }
    return new Settings(values);
  }

  /**
   * Settings from raw values: each known key coerced to its type, missing keys defaulted.
   *
   * @throws IllegalArgumentException for an unknown key or a value that does not fit its field
   */
  public Settings resolve(Map<String, ?> raw) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (SettingField f : fields) {
      Object v = raw.get(f.getKey());
      values.put(f.getKey(), v == null ? f.getDefaultValue() : f.coerce(v));
    }
    for (String key : raw.keySet()) {
      getField(key);
    }
    return new Settings(values);
  }

  /** Builds a {@link SettingsSchema}; fields appear in the form in the order they are added. */
  public static final class Builder {
    private final List<SettingField> fields = new ArrayList<>();

    private Builder() {}

    public Builder number(String key, String label, double defaultValue, double min, double max, double step) {
      return add(new SettingField(key, label, SettingType.NUMBER, defaultValue, min, max, step, List.of(), ""));
    }

    public Builder bool(String key, String label, boolean defaultValue) {
      return add(new SettingField(key, label, SettingType.BOOLEAN, defaultValue, 0, 0, 0, List.of(), ""));
    }

    public Builder choice(String key, String label, String defaultValue, List<String> choices) {
      return add(new SettingField(key, label, SettingType.CHOICE, defaultValue, 0, 0, 0, choices, ""));
    }

    /** A colour as 0xRRGGBB. */
    public Builder color(String key, String label, int defaultRgb) {
      return add(new SettingField(key, label, SettingType.COLOR, defaultRgb, 0, 0, 0, List.of(), ""));
    }

    public Builder text(String key, String label, String defaultValue) {
      return add(new SettingField(key, label, SettingType.TEXT, defaultValue, 0, 0, 0, List.of(), ""));
    }

    private Builder add(SettingField field) {
      fields.add(field);
      return this;
    }

    public SettingsSchema build() {
      return new SettingsSchema(fields);
    }
  }
}
