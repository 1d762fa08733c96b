package dev.relay.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import java.util.List;
import java.util.function.Consumer;

/** Breaking one thing in a valid playbook's JSON and checking exactly which problems reading it reports. */
final class PlaybookEdits {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlaybookEdits() {}

  /** Asserts that reading {@code json} fails with exactly these problems ({@code path: message}), in this order. */
  static void rejects(String json, String... expected) {
    ValidationException e = assertThrows(ValidationException.class, () -> PlaybookJson.read(json));
    assertEquals(List.of(expected), e.problems().stream().map(Problem::toString).toList());
  }

  /** The JSON text after an edit of its tree. */
  static String edited(String json, Consumer<ObjectNode> edit) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(json);
      edit.accept(root);
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON with single quotes for readability. */
  static JsonNode json(String singleQuoted) {
    try {
      return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }
}
