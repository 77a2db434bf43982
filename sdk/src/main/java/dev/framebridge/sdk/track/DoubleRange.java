package dev.framebridge.sdk.track;

/** An inclusive range of a capability (the specification's DoubleRange). */
public final class DoubleRange {
  private final double min;
  private final double max;

  private DoubleRange(double min, double max) {
    this.min = min;
    this.max = max;
  }

  /** @throws IllegalArgumentException if {@code min > max} or either is NaN */
  public static DoubleRange of(double min, double max) {
    if (!(min <= max)) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    return new DoubleRange(min, max);
  }

  public double getMin() {
    return min;
  }

  public double getMax() {
    return max;
  }

  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoubleRange && ((DoubleRange) o).min == min && ((DoubleRange) o).max == max;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(min) * 31 + Double.hashCode(max);
  }

  @Override
  public String toString() {
    return "{min=" + min + ", max=" + max + "}";
  }
}
