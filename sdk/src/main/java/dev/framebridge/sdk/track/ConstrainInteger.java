package dev.framebridge.sdk.track;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A constraint on a whole-number (ConstrainULong) property: {@code exact}, {@code min} and {@code max} are required (failing
 * applyConstraints with {@link OverconstrainedException} when unmet), {@code ideal} is a preference. Immutable.
 */
public final class ConstrainInteger {
  private final @Nullable Integer exact;
  private final @Nullable Integer ideal;
  private final @Nullable Integer min;
  private final @Nullable Integer max;

  private ConstrainInteger(Builder b) {
    this.exact = b.exact;
    this.ideal = b.ideal;
    this.min = b.min;
    this.max = b.max;
  }

  public static ConstrainInteger exact(Integer value) {
    return builder().exact(value).build();
  }

  /** The bare value of the specification ({@code {width: 320}}): a preference. */
  public static ConstrainInteger ideal(Integer value) {
    return builder().ideal(value).build();
  }

  public static ConstrainInteger range(Integer min, Integer max) {
    return builder().min(min).max(max).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public @Nullable Integer getExact() {
    return exact;
  }

  public @Nullable Integer getIdeal() {
    return ideal;
  }

  public @Nullable Integer getMin() {
    return min;
  }

  public @Nullable Integer getMax() {
    return max;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ConstrainInteger)) {
      return false;
    }
    ConstrainInteger c = (ConstrainInteger) o;
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

  /** Builds {@link ConstrainInteger}. */
  public static final class Builder {
    private @Nullable Integer exact;
    private @Nullable Integer ideal;
    private @Nullable Integer min;
    private @Nullable Integer max;

    private Builder() {}

    public Builder exact(@Nullable Integer exact) {
      this.exact = exact;
      return this;
    }

    public Builder ideal(@Nullable Integer ideal) {
      this.ideal = ideal;
      return this;
    }

    public Builder min(@Nullable Integer min) {
      this.min = min;
      return this;
    }

    public Builder max(@Nullable Integer max) {
      this.max = max;
      return this;
    }

    public ConstrainInteger build() {
      return new ConstrainInteger(this);
    }
  }
}
