package dev.framebridge.spi.settings;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One typed field of a {@link SettingsSchema}: key, label, type, default, and the type's constraints. Immutable;
 * made through the schema's builder.
 */
public final class SettingField {
  private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]*");

  private final String key;
  private final String label;
  private final SettingType type;
  private final Object defaultValue;
  private final double min;
  private final double max;
  private final double step;
  private final List<String> choices;
  private final String description;

  SettingField(String key, String label, SettingType type, Object defaultValue, double min, double max, double step,
      List<String> choices, String description) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("setting key '" + key + "' must match " + KEY.pattern());
    }
    this.key = key;
    this.label = label;
    this.type = type;
    this.min = min;
    this.max = max;
    this.step = step;
    this.choices = List.copyOf(choices);
    this.description = description;
    if (type == SettingType.NUMBER && (!(min <= max) || step < 0)) {
      throw new IllegalArgumentException("setting '" + key + "': need min <= max and step >= 0");
    }
    if (type == SettingType.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("setting '" + key + "': a choice needs at least one option");
    }
    this.defaultValue = coerce(defaultValue);
  }

  public String getKey() {
    return key;
  }

  public String getLabel() {
    return label;
  }

  public String getDescription() {
    return description;
  }

  public SettingType getType() {
    return type;
  }

  /** The default: a Double, Boolean, String (choice, text) or Integer (colour 0xRRGGBB). */
  public Object getDefaultValue() {
    return defaultValue;
  }

  /** For numbers: the smallest value. */
  public double getMin() {
    return min;
  }

  /** For numbers: the largest value. */
  public double getMax() {
    return max;
  }

  /** For numbers: the slider step (0 for continuous). */
  public double getStep() {
    return step;
  }

  /** For choices: the options, in order. */
  public List<String> getChoices() {
    return choices;
  }

  /**
   * Converts a raw value (from JSON, a form or a settings file) into this field's type.
   *
   * @throws IllegalArgumentException naming the key, when the value cannot be of this type or is out of range
   */
  public Object coerce(Object raw) {
    switch (type) {
      case NUMBER:
        double d = raw instanceof Number ? ((Number) raw).doubleValue() : parseDouble(raw);
        if (Double.isNaN(d) || d < min || d > max) {
          throw invalid(raw, "a number in [" + min + ", " + max + "]");
        }
        return d;
      case BOOLEAN:
        if (raw instanceof Boolean) {
          return raw;
        }
        String b = String.valueOf(raw).toLowerCase(Locale.ROOT);
        if (b.equals("true") || b.equals("false")) {
          return Boolean.valueOf(b);
        }
        throw invalid(raw, "true or false");
      case CHOICE:
        String c = String.valueOf(raw);
        if (!choices.contains(c)) {
          throw invalid(raw, "one of " + choices);
        }
        return c;
      case COLOR:
        return parseColor(raw);
      case TEXT:
      default:
        return String.valueOf(raw);
    }
  }

  private double parseDouble(Object raw) {
    try {
      return Double.parseDouble(String.valueOf(raw).trim());
    } catch (NumberFormatException e) {
      throw invalid(raw, "a number");
    }
  }

  private int parseColor(Object raw) {
    if (raw instanceof Number) {
      int v = ((Number) raw).intValue();
      if (v < 0 || v > 0xFFFFFF) {
        throw invalid(raw, "a colour 0xRRGGBB");
      }
      return v;
    }
    String s = String.valueOf(raw).trim();
    if (s.startsWith("#")) {
      s = s.substring(1);
    } else if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if (s.length() != 6) {
      throw invalid(raw, "a colour #RRGGBB");
    }
    try {
      return Integer.parseInt(s, 16);
    } catch (NumberFormatException e) {
      throw invalid(raw, "a colour #RRGGBB");
    }
  }

  private IllegalArgumentException invalid(Object raw, String expected) {
    return new IllegalArgumentException("setting '" + key + "': '" + raw + "' is not " + expected);
  }

  @Override
  public String toString() {
    return type.name().toLowerCase(Locale.ROOT) + " " + key + " = " + defaultValue;
  }
}
