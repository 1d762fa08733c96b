package dev.relay.jdbc;

/**
 * PostgreSQL 14+: skips locked rows when scanning for work, inserts without failing on an existing key, and sends a
 * routing decision's writes as one multi-statement round trip.
 */
final class PostgresDialect implements Dialect {
  @Override
  public String migrationFolder() {
    return "postgresql";
  }

  @Override
  public String forUpdateSkipLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  public String nextValue(String sequence) {
    return "nextval('" + sequence + "')";
  }

  @Override
  public String limit(int n) {
    return " LIMIT " + n;
  }

  @Override
  public String insertIgnoringDuplicate(String table, String columns, String placeholders) {
    return "INSERT INTO " + table + " (" + columns + ") VALUES (" + placeholders + ") ON CONFLICT DO NOTHING";
  }

  @Override
  public boolean insertIgnoresDuplicates() {
    return true;
  }

  @Override
  public boolean sendsStatementsTogether() {
    return true;
  }

  @Override
  public String toString() {
    return "PostgreSQL";
  }
}
