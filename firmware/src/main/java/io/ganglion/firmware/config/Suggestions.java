package io.ganglion.firmware.config;

import java.util.Collection;

/** "Did you mean" for misspelt keys and names: the closest candidate by edit distance, if close. */
final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code given} (case-insensitive edit distance, a swap of neighbours counting one) if it is within
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

  /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
