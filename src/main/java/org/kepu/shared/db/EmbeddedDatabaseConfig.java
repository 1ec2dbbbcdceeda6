package org.kepu.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from the binaries on the class path when {@code spring.datasource.url} is empty, so
 * the platform runs with no set-up. The cluster lives in {@code kepu.embedded-db.data-dir} between runs; a
 * server left behind by a killed JVM is stopped first (see {@link StalePostmaster}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfig {

    /**
     * Scope filters bind a path prefix ({@code division_path like ?}); a generic cached plan cannot use the path
     * index for an unknown prefix and turned a 20 ms county query into a 1 s scan after a few executions.
     */
    static final String CONNECTION_INIT_SQL = "set plan_cache_mode = force_custom_plan";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties props) throws IOException {
        var dir = props.dataDir().toAbsolutePath().normalize();
        java.nio.file.Files.createDirectories(dir);
        if (!props.clean()) {
            StalePostmaster.stopIfRunning(dir);
        }
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(props.clean())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", props.clean() ? "off" : "on")
                .setServerConfig("synchronous_commit", props.clean() ? "off" : "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                // Stopped by this bean's close, after the connection pool and the scheduled jobs: the library's
                // own JVM shutdown hook stopped the server while the application was still shutting down, and a
                // job then waited up to 30 s for a connection (the test JVM's intermittent 30 s exit delay).
                .setRegisterShutdownHook(false);
        if (props.port() > 0) {
            builder.setPort(props.port());
        }
        var pg = builder.start();
        log.info("Embedded PostgreSQL running on 127.0.0.1:{} with data in {}", pg.getPort(), dir);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg, EmbeddedDatabaseProperties props, DataSourceProperties dsProps)
            throws SQLException {
        createDatabaseIfMissing(pg, props.database());
        var ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", props.database()));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        ds.setPoolName("kepu-embedded");
        ds.setConnectionInitSql(CONNECTION_INIT_SQL);
        return ds;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg, String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid embedded database name: " + name);
        }
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("create database " + name + " encoding 'UTF8' template template0");
        }
    }
}
