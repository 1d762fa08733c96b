package dev.relay.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relay.common.Problem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of criteria: {@code {"all": [...]}}, {@code {"any": [...]}}, {@code {"not": {...}}} and conditions
 * {@code {"field": "amount", "op": "gt", "value": 100000}}.
 */
public final class CriteriaJson {
  private CriteriaJson() {}

  /**
   * Reads criteria, adding every structural problem (unknown operator, missing key, wrong shape) to {@code problems}
   * with its path under {@code path}. Returns {@code null} if the node could not be read at all.
   */
  public static @Nullable Criteria read(JsonNode node, String path, List<Problem> problems) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The canonical JSON form. */
  public static JsonNode write(Criteria criteria) {
    throw new UnsupportedOperationException("TODO");
  }
}
