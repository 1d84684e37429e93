package io.ganglion.firmware.config;

import java.util.Collection;

/** "Did you mean" for misspelt keys and names: the closest candidate by edit distance, if close. */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code given} (case-insensitive Levenshtein distance) if it is within
   * max(1, length / 3) edits, else null.
   */
  static String closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String g = given.toLowerCase(java.util.Locale.ROOT);
    for (String c : candidates) {
      int d = distance(g, c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(1, Math.max(given.length(), best == null ? 0 : best.length()) / 3);
    return best != null && bestDistance <= allowed ? best : null;
  }

  /** " (did you mean 'x'?)" or "". */
  static String didYouMean(String given, Collection<String> candidates) {
    String c = closest(given, candidates);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
