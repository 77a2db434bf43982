package dev.framebridge.spi.settings;

/** The type of a setting, which decides its form control and the Java type of its value. */
public enum SettingType {
  /** A {@code double} within a range, with a step: a slider. */
  NUMBER,
  /** A {@code boolean}: a check box. */
  BOOLEAN,
  /** One {@code String} of a fixed list: a drop-down. */
  CHOICE,
  /** An {@code int} 0xRRGGBB: a colour picker. */
  COLOR,
  /** A {@code String}: a text field. */
  TEXT
}
