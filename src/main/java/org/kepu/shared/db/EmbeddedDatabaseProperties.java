package org.kepu.shared.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL, used only when no external database URL is configured.
 *
 * @param dataDir where the cluster lives between runs ({@code ./data/pg} by default)
 * @param port TCP port on 127.0.0.1; 0 picks a free one (the tests do)
 * @param clean wipe the data directory at start (tests only)
 * @param database name of the application database inside the cluster
 */
@ConfigurationProperties("kepu.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, Integer port, Boolean clean, String database) {

    public EmbeddedDatabaseProperties {
        dataDir = dataDir == null ? Path.of("data", "pg") : dataDir;
        port = port == null ? 54329 : port;
        clean = clean != null && clean;
        database = database == null || database.isBlank() ? "kepu" : database;
    }
}
