package org.kepu.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.kepu.KepuApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The real application on a dedicated benchmark database, listening on a free loopback port. The database is the
 * embedded PostgreSQL under {@code ./bench-data} (kept between runs, so the data is generated once), or the
 * server named by {@code -Dkepu.bench.db.url=jdbc:postgresql://…} (with {@code kepu.bench.db.user/password}).
 */
final class BenchServer implements AutoCloseable {

    static final String PASSWORD = "Bench-Passw0rd!";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final ConfigurableApplicationContext app;
    final DataSource dataSource;
    final JdbcClient jdbc;
    final int port;

    private BenchServer(ConfigurableApplicationContext app) {
        this.app = app;
        this.dataSource = app.getBean(DataSource.class);
        this.jdbc = app.getBean(JdbcClient.class);
        this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    static BenchServer start() {
        String url = System.getProperty("kepu.bench.db.url", "");
        // -Dkepu.bench.sessions=memory: HTTP sessions in the servlet container instead of spring_session
        // (for a build whose session principal cannot be serialised yet)
        String sessionExclude = "memory".equals(System.getProperty("kepu.bench.sessions", "jdbc"))
                ? "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration" : "";
        var app = new SpringApplicationBuilder(KepuApplication.class)
                .profiles("bench")
                .run(
                        "--spring.autoconfigure.exclude=" + sessionExclude,
                        "--server.port=0",
                        "--kepu.stats.use-summary=" + System.getProperty("kepu.bench.summary", "true"),
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + System.getProperty("kepu.bench.db.user", "postgres"),
                        "--spring.datasource.password=" + System.getProperty("kepu.bench.db.password", ""),
                        "--kepu.embedded-db.data-dir=" + System.getProperty("kepu.bench.data-dir", "bench-data/pg"),
                        "--kepu.embedded-db.port=0",
                        "--kepu.embedded-db.clean=false",
                        "--kepu.embedded-db.database=kepu_bench",
                        "--kepu.files.dir=bench-data/files",
                        "--logging.level.root=WARN",
                        "--logging.level.org.kepu=INFO");
        return new BenchServer(app);
    }

    /** An account with a known password and the given role and division scope (created if missing). */
    void account(String username, String role, String divisionCode) {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, division_code, division_path,
                                      must_change_password)
                select :u, :u, :hash, :role, d.code, d.path, false from division d where d.code = :code
                on conflict (username) do update set password_hash = excluded.password_hash, failed_attempts = 0,
                    locked_until = null, must_change_password = false
                """).param("u", username).param("hash", hash).param("role", role).param("code", divisionCode)
                .update();
    }

    /** A new HTTP client (own cookie jar) signed in as {@code username} through the login form. */
    HttpClient login(String username) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = res.headers().firstValue("Location").orElse("");
        if (res.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login failed for " + username + ": " + res.statusCode() + " " + location);
        }
        return client;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        app.close();
    }
}
