package dev.relay.criteria;

import dev.relay.common.Problem;
import dev.relay.fields.FieldSchema;
import java.util.List;

/** Type-checks criteria against a schema and compiles them. */
public final class CriteriaCompiler {
  private CriteriaCompiler() {}

  /**
   * Every problem of the criteria against the schema, each path prefixed by {@code basePath} (e.g. {@code
   * pipeline.stages[2].gate} gives {@code pipeline.stages[2].gate.all[0].field}).
   */
  public static List<Problem> check(Criteria criteria, FieldSchema schema, String basePath) {
    throw new UnsupportedOperationException("TODO");
  }

  /** @throws dev.relay.common.ValidationException listing every problem with its path */
  public static CompiledCriteria compile(Criteria criteria, FieldSchema schema, String basePath) {
    throw new UnsupportedOperationException("TODO");
  }
}
