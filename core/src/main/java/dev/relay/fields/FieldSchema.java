package dev.relay.fields;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The ordered, immutable set of fields one kind of record has in one playbook version: built-in fields first, then the
 * tenant's custom fields. Each field has a stable slot index that compiled criteria use to read values without lookups.
 */
public final class FieldSchema {
  private final EntityKind kind;
  private final List<FieldDefinition> fields;
  private final Map<String, Integer> slots;

  private FieldSchema(EntityKind kind, List<FieldDefinition> fields) {
    this.kind = kind;
    this.fields = List.copyOf(fields);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < this.fields.size(); i++) {
      if (index.put(this.fields.get(i).name(), i) != null) {
        throw new IllegalArgumentException("duplicate field '" + this.fields.get(i).name() + "' in " + kind.jsonName());
      }
    }
    this.slots = Map.copyOf(index);
  }

  /**
   * A schema of the built-in fields followed by the custom ones.
   *
   * @throws IllegalArgumentException if two fields share a name
   */
  public static FieldSchema of(EntityKind kind, List<FieldDefinition> builtIn, List<FieldDefinition> custom) {
    List<FieldDefinition> all = new ArrayList<>(builtIn.size() + custom.size());
    all.addAll(builtIn);
    all.addAll(custom);
    return new FieldSchema(kind, all);
  }

  public EntityKind kind() {
    return kind;
  }

  public List<FieldDefinition> fields() {
    return fields;
  }

  public int size() {
    return fields.size();
  }

  /** The slot of the named field, or -1. Allocation-free. */
  public int slotOf(String name) {
    Integer slot = slots.get(name);
    return slot == null ? -1 : slot;
  }

  public Optional<FieldDefinition> field(String name) {
    int slot = slotOf(name);
    return slot < 0 ? Optional.empty() : Optional.of(fields.get(slot));
  }

  public FieldDefinition fieldAt(int slot) {
    return fields.get(slot);
  }

  /** The closest field name to a misspelt one (for "did you mean"), or {@code null} if none is close. */
  public @Nullable String suggest(String unknown) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (FieldDefinition f : fields) {
      int d = levenshtein(unknown, f.name());
      if (d < bestDistance) {
        bestDistance = d;
        best = f.name();
      }
    }
    return bestDistance <= Math.max(1, unknown.length() / 3) ? best : null;
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  @Override
  public String toString() {
    return kind.jsonName() + fields.stream().map(f -> f.name() + ":" + f.type().jsonName()).toList();
  }
}
