package org.kepu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load: {@code clients.size()} virtual users (one thread and one signed-in client each) request
 * {@code uri} back to back for a fixed time after a warm-up, on loopback only. Bounded in users, time and
 * recorded samples.
 */
final class HttpLoadDriver {

    record Result(String name, double seconds, long requests, double requestsPerSecond, LatencyStats latency,
            Map<Integer, Long> statuses) {

        boolean allOk() {
            return statuses.size() == 1 && statuses.containsKey(200);
        }

        String line() {
            return String.format("%s: %,d requests in %.1f s = %.0f req/s; %s; statuses %s", name, requests, seconds,
                    requestsPerSecond, latency.line(), statuses);
        }
    }

    private static final int MAX_SAMPLES_PER_USER = 100_000;

    static Result run(String name, List<HttpClient> clients, URI uri, Duration warmup, Duration measure)
            throws InterruptedException {
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("the load driver only targets loopback");
        }
        int users = clients.size();
        long[][] samples = new long[users][MAX_SAMPLES_PER_USER];
        int[] counts = new int[users];
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong measureStart = new AtomicLong();
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long end = warmupEnd + measure.toNanos();
        var done = new CountDownLatch(users);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread t = new Thread(() -> {
                try {
                    HttpClient client = clients.get(user);
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (java.io.IOException e) {
                            status = -1;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmupEnd && t1 <= end && counts[user] < MAX_SAMPLES_PER_USER) {
                            measureStart.compareAndSet(0, warmupEnd);
                            samples[user][counts[user]++] = t1 - t0;
                            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "vu-" + u);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int i = 0;
        for (int u = 0; u < users; u++) {
            System.arraycopy(samples[u], 0, all, i, counts[u]);
            i += counts[u];
        }
        double seconds = measure.toNanos() / 1e9;
        Map<Integer, Long> st = new TreeMap<>();
        statuses.forEach((k, v) -> st.put(k, v.sum()));
        return new Result(name, seconds, total, total / seconds, LatencyStats.of(all), st);
    }

    private HttpLoadDriver() {
    }
}
