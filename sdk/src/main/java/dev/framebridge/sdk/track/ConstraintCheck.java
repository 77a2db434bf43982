package dev.framebridge.sdk.track;

import org.jspecify.annotations.Nullable;

/** Checks required constraint values against a track's capabilities, as applyConstraints must before applying. */
final class ConstraintCheck {
  private ConstraintCheck() {}

  static void check(MediaTrackConstraints c, MediaTrackCapabilities caps) {
    checkInteger("width", c.getWidth(), caps.getWidth());
    checkInteger("height", c.getHeight(), caps.getHeight());
    checkDouble("frameRate", c.getFrameRate(), caps.getFrameRate());
    checkDouble("aspectRatio", c.getAspectRatio(), caps.getAspectRatio());
    ConstrainString mode = c.getResizeMode();
    if (mode != null && mode.getExact() != null && !caps.getResizeMode().contains(mode.getExact())) {
      throw new OverconstrainedException("resizeMode",
          "'" + mode.getExact() + "' is not one of " + caps.getResizeMode());
    }
  }

  private static void checkInteger(String name, @Nullable ConstrainInteger c, @Nullable IntegerRange range) {
    if (c == null) {
      return;
    }
    Double min = c.getMin() == null ? null : c.getMin().doubleValue();
    Double max = c.getMax() == null ? null : c.getMax().doubleValue();
    Double exact = c.getExact() == null ? null : c.getExact().doubleValue();
    checkRequired(name, exact, min, max, range == null ? null : DoubleRange.of(range.getMin(), range.getMax()));
  }

  private static void checkDouble(String name, @Nullable ConstrainDouble c, @Nullable DoubleRange range) {
    if (c != null) {
      checkRequired(name, c.getExact(), c.getMin(), c.getMax(), range);
    }
  }

  private static void checkRequired(
      String name, @Nullable Double exact, @Nullable Double min, @Nullable Double max, @Nullable DoubleRange range) {
    if (exact == null && min == null && max == null) {
      return;
    }
    if (range == null) {
      throw new OverconstrainedException(name, "this track has no such property");
    }
    if (min != null && max != null && min > max) {
      throw new OverconstrainedException(name, "min " + min + " > max " + max);
    }
    if (exact != null && (!range.contains(exact) || (min != null && exact < min) || (max != null && exact > max))) {
      throw new OverconstrainedException(name, "exact " + exact + " outside " + range);
    }
    if (min != null && min > range.getMax()) {
      throw new OverconstrainedException(name, "min " + min + " above the capability " + range);
    }
    if (max != null && max < range.getMin()) {
      throw new OverconstrainedException(name, "max " + max + " below the capability " + range);
    }
  }
}
