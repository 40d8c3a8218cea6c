package io.sigil.storage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The connection factory behind the container's pool ({@link Database}). It exists so that one MicroProfile
 * Config property chooses the database: {@code sigil.db.url} (with {@code sigil.db.user} and
 * {@code sigil.db.password}) names H2 or PostgreSQL; unset, the node uses an embedded H2 file under its data
 * directory. Payara's {@code ${MPCONFIG=...}} substitution in {@code @DataSourceDefinition} cannot compute that
 * default and cannot switch the driver class, hence this small class. The driver is called directly, not through
 * {@code DriverManager}, which cannot see drivers packaged inside the application.
 */
public class SigilDataSource implements DataSource {
    private static final Logger LOG = Logger.getLogger(SigilDataSource.class.getName());

    private volatile Target target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private record Target(Driver driver, String url, Properties properties) { }

    /** The JDBC URL a node uses when {@code sigil.db.url} is not set. */
    public static String defaultUrl(Path dataDir) {
        // WRITE_DELAY=0: a committed PKP is on disk before the request returns, so a crash loses nothing.
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("sigil") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private Target target() throws SQLException {
        Target t = target;
        if (t == null) {
            synchronized (this) {
                if (target == null) {
                    target = resolve(ConfigProvider.getConfig(SigilDataSource.class.getClassLoader()));
                }
                t = target;
            }
        }
        return t;
    }

    private static Target resolve(Config config) throws SQLException {
        String dataDir = config.getOptionalValue("sigil.data-dir", String.class).orElse("var/node1");
        String url = config.getOptionalValue("sigil.db.url", String.class)
                .filter(u -> !u.isBlank())
                .orElseGet(() -> defaultUrl(Path.of(dataDir).toAbsolutePath().normalize()));
        String driverClass;
        if (url.startsWith("jdbc:h2:")) {
            driverClass = "org.h2.Driver";
        } else if (url.startsWith("jdbc:postgresql:")) {
            driverClass = "org.postgresql.Driver";
        } else {
            throw new SQLException("sigil.db.url must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        Properties properties = new Properties();
        properties.setProperty("user", config.getOptionalValue("sigil.db.user", String.class).orElse("sa"));
        properties.setProperty("password", config.getOptionalValue("sigil.db.password", String.class).orElse(""));
        try {
            Driver driver = (Driver) Class.forName(driverClass, true, SigilDataSource.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
            LOG.info(() -> "database: " + url.replaceAll(";.*", ""));
            return new Target(driver, url, properties);
        } catch (ReflectiveOperationException e) {
            throw new SQLException("JDBC driver " + driverClass + " is not available");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Target t = target();
        Connection c = t.driver().connect(t.url(), t.properties());
        if (c == null) {
            throw new SQLException("the JDBC driver refused the URL");
        }
        return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection(); // credentials come from configuration, never from the pool definition
    }

    @Override public PrintWriter getLogWriter() { return logWriter; }
    @Override public void setLogWriter(PrintWriter out) { this.logWriter = out; }
    @Override public void setLoginTimeout(int seconds) { this.loginTimeout = seconds; }
    @Override public int getLoginTimeout() { return loginTimeout; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper");
    }
    @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
}
