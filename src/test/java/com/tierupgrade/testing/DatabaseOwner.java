package com.tierupgrade.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A connection as the owner of the schema, who runs the migrations (quarkus.flyway.username; the service's user when
 * there is only one): what someone rewriting history past the service would use.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {
    }

    public static String user() {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("quarkus.flyway.username", String.class)
                .orElseGet(() -> config.getValue("quarkus.datasource.username", String.class));
    }

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        properties.setProperty("user", user());
        properties.setProperty("password", config.getOptionalValue("quarkus.flyway.password", String.class)
                .orElseGet(() -> config.getValue("quarkus.datasource.password", String.class)));
        properties.setProperty("currentSchema", "tierup");
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }
}
