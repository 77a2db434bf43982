package dev.framebridge.sdk.track;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A constraint on a numeric (ConstrainDouble) property: {@code exact}, {@code min} and {@code max} are required (failing
 * applyConstraints with {@link OverconstrainedException} when unmet), {@code ideal} is a preference. Immutable.
 */
public final class ConstrainDouble {
  private final @Nullable Double exact;
  private final @Nullable Double ideal;
  private final @Nullable Double min;
  private final @Nullable Double max;

  private ConstrainDouble(Builder b) {
    this.exact = b.exact;
    this.ideal = b.ideal;
    this.min = b.min;
    this.max = b.max;
  }

  public static ConstrainDouble exact(Double value) {
    return builder().exact(value).build();
  }

  /** The bare value of the specification ({@code {width: 320}}): a preference. */
  public static ConstrainDouble ideal(Double value) {
    return builder().ideal(value).build();
  }

  public static ConstrainDouble range(Double min, Double max) {
    return builder().min(min).max(max).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public @Nullable Double getExact() {
    return exact;
  }

  public @Nullable Double getIdeal() {
    return ideal;
  }

  public @Nullable Double getMin() {
    return min;
  }

  public @Nullable Double getMax() {
    return max;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ConstrainDouble)) {
      return false;
    }
    ConstrainDouble c = (ConstrainDouble) o;
    return Objects.equals(exact, c.exact) && Objects.equals(ideal, c.ideal) && Objects.equals(min, c.min)
        && Objects.equals(max, c.max);
  }

  @Override
  public int hashCode() {
    return Objects.hash(exact, ideal, min, max);
  }

  @Override
  public String toString() {
    return "{exact=" + exact + ", ideal=" + ideal + ", min=" + min + ", max=" + max + "}";
  }

  /** Builds {@link ConstrainDouble}. */
  public static final class Builder {
    private @Nullable Double exact;
    private @Nullable Double ideal;
    private @Nullable Double min;
    private @Nullable Double max;

    private Builder() {}

    public Builder exact(@Nullable Double exact) {
      this.exact = exact;
      return this;
    }

    public Builder ideal(@Nullable Double ideal) {
      this.ideal = ideal;
      return this;
    }

    public Builder min(@Nullable Double min) {
      this.min = min;
      return this;
    }

    public Builder max(@Nullable Double max) {
      this.max = max;
      return this;
    }

    public ConstrainDouble build() {
      return new ConstrainDouble(this);
    }
  }
}
