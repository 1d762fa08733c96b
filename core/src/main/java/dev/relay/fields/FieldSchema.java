package dev.relay.fields;

import dev.relay.common.DidYouMean;
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
    return DidYouMean.closest(unknown, fields.stream().map(FieldDefinition::name).toList());
  }

  @Override
  public String toString() {
    return kind.jsonName() + fields.stream().map(f -> f.name() + ":" + f.type().jsonName()).toList();
  }
}
