package org.kepu.bench;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds, reported in milliseconds. */
record LatencyStats(int count, double p50, double p95, double p99, double max) {

    static LatencyStats of(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new LatencyStats(s.length, ms(pct(s, 50)), ms(pct(s, 95)), ms(pct(s, 99)),
                ms(s.length == 0 ? 0 : s[s.length - 1]));
    }

    /** Nearest-rank percentile. */
    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    String line() {
        return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", count, p50, p95, p99, max);
    }
}
