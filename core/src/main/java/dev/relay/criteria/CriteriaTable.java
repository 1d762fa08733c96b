package dev.relay.criteria;

import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An ordered table of compiled criteria that answers "which is the first entry this record satisfies" without testing
 * every entry: the first-match-wins lookup of assignment rules and similar rule lists.
 *
 * <p>Rule lists are mostly conjunctions that pin a few enum or string fields to a value or a set of values ({@code
 * source = 'website' and region in ['east', 'north'] and budget >= 10000}). For up to {@value #MAX_INDEXED_FIELDS} such
 * fields, the table keeps, per value, the set of entries that can still hold when the field has that value (those that
 * allow the value, and those that do not constrain the field). A lookup reads each indexed field once, intersects the
 * sets (bit masks, 64 entries per word) and tests only the surviving entries, in table order, with their full
 * criteria — so the answer is always the same as testing every entry in order, only cheaper. A missing value lets
 * through only the entries that do not constrain the field, exactly as {@code eq} and {@code in} are false on a missing
 * value.
 *
 * <p>Records of another schema than the entries' (an older playbook version, read by name) are answered by testing
 * every entry in order. Immutable and thread-safe; {@link #firstMatch} allocates nothing.
 */
public final class CriteriaTable {
  /** How many fields are indexed at most: each costs one map lookup per record. */
  static final int MAX_INDEXED_FIELDS = 4;

  private final CompiledCriteria[] entries;
  private final int words;
  /** Every entry's bit set: the starting mask. */
  private final long[] everyEntry;
  private final @Nullable FieldSchema schema;
  private final FieldIndex[] indexes;

  private CriteriaTable(CompiledCriteria[] entries, @Nullable FieldSchema schema, FieldIndex[] indexes) {
    this.entries = entries;
    this.words = (entries.length + 63) >>> 6;
    this.everyEntry = new long[words];
    for (int i = 0; i < entries.length; i++) {
      everyEntry[i >>> 6] |= 1L << i;
    }
    this.schema = schema;
    this.indexes = indexes;
  }

  /**
   * A table over the entries in their order. Entries compiled by {@link CriteriaCompiler} against one schema are
   * indexed; others are tested in order.
   */
  public static CriteriaTable of(List<CompiledCriteria> entries) {
    CompiledCriteria[] array = entries.toArray(new CompiledCriteria[0]);
    for (CompiledCriteria entry : array) {
      Objects.requireNonNull(entry, "entry");
    }
    FieldSchema schema = sharedSchema(array);
    if (schema == null) {
      return new CriteriaTable(array, null, new FieldIndex[0]);
    }
    // Per entry: the fields it pins to a set of values.
    List<Map<Integer, Set<String>>> pins = new ArrayList<>(array.length);
    Map<Integer, Integer> pinnedBy = new HashMap<>();
    for (CompiledCriteria entry : array) {
      Map<Integer, Set<String>> pinned = new HashMap<>();
      collectPins(((CompiledTree) entry).root(), pinned);
      pins.add(pinned);
      pinned.keySet().forEach(slot -> pinnedBy.merge(slot, 1, Integer::sum));
    }
    // The fields most entries pin narrow the search most; a field pinned by a single entry is not worth a lookup.
    List<Integer> slots = pinnedBy.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .sorted(Comparator.<Map.Entry<Integer, Integer>>comparingInt(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(MAX_INDEXED_FIELDS)
        .map(Map.Entry::getKey)
        .toList();
    int words = (array.length + 63) >>> 6;
    FieldIndex[] indexes = new FieldIndex[slots.size()];
    for (int f = 0; f < indexes.length; f++) {
      indexes[f] = FieldIndex.build(slots.get(f), pins, words);
    }
    return new CriteriaTable(array, schema, indexes);
  }

  /** How many entries there are. */
  public int size() {
    return entries.length;
  }

  /** How many fields the table indexes (for tests). */
  int indexedFields() {
    return indexes.length;
  }

  /** The entry at {@code index}. */
  public CompiledCriteria entry(int index) {
    return entries[index];
  }

  /**
   * The index of the first entry the record satisfies, or {@code -1} if none does: the same answer as testing each
   * entry in order. Allocation-free.
   */
  public int firstMatch(FieldValues record) {
    Objects.requireNonNull(record, "record");
    if (schema == null || record.schema() != schema || indexes.length == 0) {
      return scan(record);
    }
    long[] a = everyEntry;
    long[] b = everyEntry;
    long[] c = everyEntry;
    long[] d = everyEntry;
    switch (indexes.length) {
      case 4:
        d = indexes[3].candidates(record);
        // fall through
      case 3:
        c = indexes[2].candidates(record);
        // fall through
      case 2:
        b = indexes[1].candidates(record);
        // fall through
      default:
        a = indexes[0].candidates(record);
    }
    for (int w = 0; w < words; w++) {
      long candidates = a[w] & b[w] & c[w] & d[w];
      while (candidates != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(candidates);
        if (entries[i].test(record)) {
          return i;
        }
        candidates &= candidates - 1;
      }
    }
    return -1;
  }

  private int scan(FieldValues record) {
    for (int i = 0; i < entries.length; i++) {
      if (entries[i].test(record)) {
        return i;
      }
    }
    return -1;
  }

  /** The schema every entry was compiled against, or {@code null} if they differ or one is not the compiler's. */
  private static @Nullable FieldSchema sharedSchema(CompiledCriteria[] entries) {
    FieldSchema shared = null;
    for (CompiledCriteria entry : entries) {
      if (!(entry instanceof CompiledTree tree)) {
        return null;
      }
      FieldSchema schema = tree.schema();
      if (shared == null) {
        shared = schema;
      } else if (shared != schema) {
        return null;
      }
    }
    return shared;
  }

  /**
   * The string and enum fields a node requires to take one of a set of values: the node itself if it is a positive
   * {@code eq} or {@code in}, and the items of a conjunction. Two pins on one field intersect.
   */
  private static void collectPins(Node node, Map<Integer, Set<String>> out) {
    Set<String> required = null;
    int slot = -1;
    if (node instanceof Leaf.StringEq eq) {
      required = eq.required();
      slot = eq.ref().slot();
    } else if (node instanceof Leaf.StringIn in) {
      required = in.required();
      slot = in.ref().slot();
    } else if (node instanceof Node.All all) {
      for (Node item : all.items()) {
        collectPins(item, out);
      }
      return;
    }
    if (required != null) {
      Set<String> values = required;
      out.merge(slot, values, (x, y) -> {
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return both;
      });
    }
  }

  /** One indexed field: per value, the entries that can hold when the field has it. */
  private static final class FieldIndex {
    private final int slot;
    private final Map<String, long[]> byValue;
    /** The entries that do not pin the field: all that can hold for a value no entry names, or a missing value. */
    private final long[] unpinned;

    private FieldIndex(int slot, Map<String, long[]> byValue, long[] unpinned) {
      this.slot = slot;
      this.byValue = byValue;
      this.unpinned = unpinned;
    }

    static FieldIndex build(int slot, List<Map<Integer, Set<String>>> pins, int words) {
      long[] unpinned = new long[words];
      Map<String, long[]> byValue = new HashMap<>();
      for (int i = 0; i < pins.size(); i++) {
        Set<String> values = pins.get(i).get(slot);
        if (values == null) {
          unpinned[i >>> 6] |= 1L << i;
        } else {
          for (String value : values) {
            byValue.computeIfAbsent(value, v -> new long[words])[i >>> 6] |= 1L << i;
          }
        }
      }
      for (long[] mask : byValue.values()) {
        for (int w = 0; w < words; w++) {
          mask[w] |= unpinned[w];
        }
      }
      return new FieldIndex(slot, Map.copyOf(byValue), unpinned);
    }

    long[] candidates(FieldValues record) {
      Object value = record.valueAt(slot);
      if (value == null) {
        return unpinned;
      }
      long[] mask = byValue.get(value);
      return mask == null ? unpinned : mask;
    }
  }

  @Override
  public String toString() {
    return "CriteriaTable[" + entries.length + " entries, " + indexes.length + " indexed fields]";
  }
}
