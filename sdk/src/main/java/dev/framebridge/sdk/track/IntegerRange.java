package dev.framebridge.sdk.track;

/** An inclusive integer range of a capability (the specification's ULongRange). */
public final class IntegerRange {
  private final int min;
  private final int max;

  private IntegerRange(int min, int max) {
    this.min = min;
    this.max = max;
  }

  /** @throws IllegalArgumentException if {@code min > max} */
  public static IntegerRange of(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    return new IntegerRange(min, max);
  }

  public int getMin() {
    return min;
  }

  public int getMax() {
    return max;
  }

  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntegerRange && ((IntegerRange) o).min == min && ((IntegerRange) o).max == max;
  }

  @Override
  public int hashCode() {
    return min * 31 + max;
  }

  @Override
  public String toString() {
    return "{min=" + min + ", max=" + max + "}";
  }
}
