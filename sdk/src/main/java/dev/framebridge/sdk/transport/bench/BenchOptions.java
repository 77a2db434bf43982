package dev.framebridge.sdk.transport.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Command-line options: {@code --scenario memcpy|inprocess|hop|hop-chronicle|roundtrip|audio --size WxH --fps N --seconds S}. */
final class BenchOptions {
  static final List<String> SCENARIOS = List.of("memcpy", "inprocess", "hop", "hop-chronicle", "roundtrip", "audio");

  final Map<String, String> values = new HashMap<>();

  static BenchOptions parse(String[] args) {
    BenchOptions o = new BenchOptions();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + a + "'");
      }
      o.values.put(a.substring(2), args[++i]);
    }
    return o;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  @Nullable String get(String name) {
    return values.get(name);
  }

  List<String> scenarios() {
    String s = values.get("scenario");
    if (s == null) {
      return SCENARIOS;
    }
    if ("seqlock-words".equals(s)) {
      return List.of(s); // a word-level check, not a frame scenario: only when asked for
    }
    if (!SCENARIOS.contains(s)) {
      throw new IllegalArgumentException("unknown scenario '" + s + "', expected one of " + SCENARIOS);
    }
    return List.of(s);
  }

  int width() {
    return size()[0];
  }

  int height() {
    return size()[1];
  }

  private int[] size() {
    String[] wh = get("size", "1920x1080").split("x");
    if (wh.length != 2) {
      throw new IllegalArgumentException("--size must be WxH");
    }
    return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
  }

  int fps() {
    return Integer.parseInt(get("fps", "60"));
  }

  double seconds() {
    return Double.parseDouble(get("seconds", "5"));
  }

  Path root() {
    return Path.of(get("root", "/dev/shm"));
  }

  /** Frames to send before measuring (JIT warm-up), excluded from every figure. */
  int warmup() {
    return fps() <= 0 ? 300 : Math.max(30, Math.min(fps(), 60));
  }

  /** Measured frames for a paced run; -1 for an unpaced one (run for the duration). */
  long frames() {
    return fps() <= 0 ? -1 : Math.round(seconds() * fps());
  }

  /** These options as arguments for a child role. */
  List<String> childArgs(String role, Map<String, String> extra) {
    List<String> args = new ArrayList<>();
    Map<String, String> all = new HashMap<>(values);
    all.putAll(extra);
    all.put("role", role);
    all.forEach((k, v) -> {
      args.add("--" + k);
      args.add(v);
    });
    return args;
  }
}
