package org.kepu;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * When the tests run against an external PostgreSQL ({@code -Dkepu.test.db.url=jdbc:postgresql://host/db}), each
 * application context gets a database of its own on that server, created fresh, so the tests see the same empty
 * start as on the embedded cluster. {@code .ci/run} drops the {@code kepu_t_*} databases afterwards.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
@ConditionalOnExpression("!'${kepu.test.db.url:}'.isBlank()")
class ExternalTestDatabaseConfig {

    @Bean
    DataSource dataSource(@Value("${kepu.test.db.url}") String url,
            @Value("${kepu.test.db.user:postgres}") String user) throws SQLException {
        String name = "kepu_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (var c = DriverManager.getConnection(url, user, ""); var st = c.createStatement()) {
            st.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        var ds = new HikariDataSource();
        ds.setJdbcUrl(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        ds.setUsername(user);
        ds.setMaximumPoolSize(10);
        ds.setPoolName("kepu-external-test");
        ds.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        return ds;
    }
}
