package dev.relay.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Where the demo stores its fortnight. By default an H2 database on disk under {@code target/relay-demo}, deleted and
 * created afresh each run so that the script always starts from an empty company. With the setting {@code
 * relay.jdbc.url} (system property) or {@code RELAY_JDBC_URL} (environment), any JDBC URL — PostgreSQL in production
 * shape — with {@code relay.jdbc.user} / {@code RELAY_JDBC_USER} and {@code relay.jdbc.password} /
 * {@code RELAY_JDBC_PASSWORD}; nothing is deleted there, so each run plays a tenant of its own.
 */
final class DemoDatabase implements AutoCloseable {
  static final Path DEFAULT_DIRECTORY = Paths.get("target", "relay-demo");

  private final HikariDataSource dataSource;
  private final boolean shared;

  private DemoDatabase(HikariDataSource dataSource, boolean shared) {
    this.dataSource = dataSource;
    this.shared = shared;
  }

  /** The database the settings name, or a fresh H2 file under {@link #DEFAULT_DIRECTORY}. */
  static DemoDatabase fromSettings() {
    String url = setting("relay.jdbc.url", "RELAY_JDBC_URL");
    if (url == null || url.isBlank()) {
      return freshH2(DEFAULT_DIRECTORY);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    String user = setting("relay.jdbc.user", "RELAY_JDBC_USER");
    if (user != null) {
      config.setUsername(user);
    }
    String password = setting("relay.jdbc.password", "RELAY_JDBC_PASSWORD");
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(4);
    return new DemoDatabase(new HikariDataSource(config), true);
  }

  /** An empty H2 database on disk in {@code directory}, replacing whatever an earlier run left there. */
  static DemoDatabase freshH2(Path directory) {
    try {
      if (Files.exists(directory)) {
        try (Stream<Path> files = Files.walk(directory)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + directory, e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:file:" + directory.toAbsolutePath().resolve("relay"));
    config.setMaximumPoolSize(4);
    return new DemoDatabase(new HikariDataSource(config), false);
  }

  private static String setting(String property, String variable) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(variable);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The tenant to play: the given one on a fresh database, a new one per run on a shared database. */
  String tenant(String base) {
    return shared ? base + "-" + System.currentTimeMillis() : base;
  }

  String description() {
    return dataSource.getJdbcUrl();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
