package org.kepu.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Closed-loop load: {@code clients.size()} virtual users (one thread and one signed-in client each) request
 * {@code uri} back to back for a fixed time after a warm-up, on loopback only. Bounded in users, time and
 * recorded samples.
 *
 * <p>By default each user sends its requests over a kept-alive socket of its own ({@link SocketUser}: a prepared
 * request with the user's session cookie, the response's status and headers parsed, its body skipped), so that the
 * driver takes as little as possible of the machine the server runs on, as {@code wrk} does. The JDK's
 * {@code HttpClient} (each client with a selector thread of its own and asynchronous plumbing per request) took
 * more CPU per request than the list page itself and so measured mostly the driver: with it, the list served
 * 730–880 requests/s on two cores against about 2,000 driven by {@code wrk} (docs/PERFORMANCE.md).
 * {@code -Dkepu.bench.client=jdk} still drives the load through the signed-in {@code HttpClient}s, for comparison
 * with figures taken before 2026-12-05.
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
        boolean jdk = "jdk".equals(System.getProperty("kepu.bench.client", "socket"));
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread t = new Thread(() -> {
                HttpClient client = clients.get(user);
                SocketUser socket = jdk ? null : new SocketUser(uri, cookieHeader(client, uri));
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        int status;
                        try {
                            status = jdk ? client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()
                                    : socket.get();
                        } catch (IOException e) {
                            status = -1;
                            if (socket != null) {
                                socket.close();
                            }
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
                    if (socket != null) {
                        socket.close();
                    }
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

    /** The {@code Cookie} header the signed-in client would send to {@code uri} (its session cookie). */
    static String cookieHeader(HttpClient client, URI uri) {
        var handler = client.cookieHandler().orElseThrow(() -> new IllegalStateException("client has no cookies"));
        var store = ((CookieManager) handler).getCookieStore();
        return store.get(uri).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * One virtual user's HTTP/1.1 connection: GET requests over a kept-alive socket, reconnecting when the server
     * closes it (Tomcat does after 100 requests on one connection). Reads the status line and headers and skips the
     * body ({@code Content-Length} or chunked). Not a general HTTP client: no redirects, no compression, no TLS.
     */
    static final class SocketUser {

        private final InetSocketAddress address;
        private final byte[] request;
        private Socket socket;
        private InputStream in;
        private final byte[] skip = new byte[64 * 1024];
        private final StringBuilder line = new StringBuilder(256);

        SocketUser(URI uri, String cookie) {
            this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            this.request = ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept: text/html,application/json\r\n"
                    + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }

        /** Sends the request and reads the whole response; returns its status. */
        int get() throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                socket.connect(address, 5_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            }
            socket.getOutputStream().write(request);
            String statusLine = readLine();
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 response: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = readLine(); !h.isEmpty(); h = readLine()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    skipFully(size);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skipFully(length);
            } else {
                close = true; // body until the connection closes: read it off
                while (in.read(skip) >= 0) {
                    // discard
                }
            }
            if (close) {
                close();
            }
            return status;
        }

        private long chunkSize() throws IOException {
            String size = readLine();
            int semi = size.indexOf(';');
            return Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        }

        private void skipFully(long n) throws IOException {
            while (n > 0) {
                int r = in.read(skip, 0, (int) Math.min(skip.length, n));
                if (r < 0) {
                    throw new EOFException("response body cut short");
                }
                n -= r;
            }
        }

        private String readLine() throws IOException {
            line.setLength(0);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
                in = null;
            }
        }
    }

    private HttpLoadDriver() {
    }
}
