package dev.relay.fields;

/**
 * The types a field may have. Values are held in one canonical Java type each, which {@link FieldValues} enforces on
 * write: {@code STRING}, {@code ENUM} → {@link String}; {@code INTEGER} → {@link Long}; {@code DECIMAL} → {@link
 * java.math.BigDecimal}; {@code BOOLEAN} → {@link Boolean}; {@code DATE} → {@link java.time.LocalDate}; {@code
 * ENUM_LIST} → an immutable {@link java.util.List} of {@link String}.
 */
public enum FieldType {
  STRING("string"),
  INTEGER("integer"),
  DECIMAL("decimal"),
  BOOLEAN("boolean"),
  DATE("date"),
  ENUM("enum"),
  ENUM_LIST("enum_list");

  private final String jsonName;

  FieldType(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in playbook JSON, e.g. {@code enum_list}. */
  public String jsonName() {
    return jsonName;
  }

  /** The type with the given JSON name, or {@code null}. */
  public static @org.jspecify.annotations.Nullable FieldType fromJson(String name) {
    for (FieldType t : values()) {
      if (t.jsonName.equals(name)) {
        return t;
      }
    }
    return null;
  }

  public boolean isNumeric() {
    return this == INTEGER || this == DECIMAL;
  }

  /** Whether values are ordered (gt, lt, between apply). */
  public boolean isOrdered() {
    return this == INTEGER || this == DECIMAL || this == DATE;
  }

  public boolean hasOptions() {
    return this == ENUM || this == ENUM_LIST;
  }
}
