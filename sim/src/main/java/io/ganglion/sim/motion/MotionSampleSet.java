package io.ganglion.sim.motion;

import java.util.Arrays;

/**
 * Labelled training samples: each is one event's layer input (the feature indices of its K x K
 * window, see {@link MotionEventFeatures}) and the true class at its time. Grows as samples are
 * added; 4 bytes per feature.
 */
public final class MotionSampleSet {

  private int[] offsets = new int[1025];
  private int[] features = new int[1 << 16];
  private int[] labels = new int[1024];
  private int count;

  /** Adds a sample of {@code n} features from {@code f}. */
  public void add(int[] f, int n, int label) {
    if (count >= labels.length) {
      labels = Arrays.copyOf(labels, labels.length * 2);
      offsets = Arrays.copyOf(offsets, labels.length + 1);
    }
    int start = offsets[count];
    if (start + n > features.length) {
      features = Arrays.copyOf(features, Math.max(features.length * 2, start + n));
    }
    for (int i = 0; i < n; i++) {
      if (f[i] < 0) {
        throw new IllegalArgumentException("feature index " + f[i] + " is negative");
      }
      features[start + i] = f[i];
    }
    labels[count] = label;
    offsets[count + 1] = start + n;
    count++;
  }

  public int size() {
    return count;
  }

  public int label(int i) {
    return labels[i];
  }

  /** First feature of sample i in {@link #featureStore()}. */
  public int start(int i) {
    return offsets[i];
  }

  /** One past the last feature of sample i. */
  public int end(int i) {
    return offsets[i + 1];
  }

  /** The shared feature store (read only). */
  int[] featureStore() {
    return features;
  }

  /** Total events over all samples. */
  public long totalFeatures() {
    return offsets[count];
  }
}
