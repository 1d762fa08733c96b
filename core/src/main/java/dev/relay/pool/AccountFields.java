package dev.relay.pool;

import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import java.util.List;

/**
 * The built-in fields of an account, which criteria (pool membership, recycle scopes, exemptions) can read beside the
 * tenant's custom fields. Relay maintains them.
 */
public final class AccountFields {
  public static final String NAME = "name";
  public static final String KIND = "kind";
  public static final String OWNER = "owner";
  public static final String IN_POOL = "in_pool";
  public static final String STATUS = "status";
  public static final String LOCKED = "locked";

  private AccountFields() {}

  public static List<FieldDefinition> builtIns() {
    return List.of(
        new FieldDefinition(NAME, FieldType.STRING, List.of(), "Account name", true),
        new FieldDefinition(KIND, FieldType.ENUM, List.of("company", "person"), "Kind", true),
        new FieldDefinition(OWNER, FieldType.STRING, List.of(), "Owner", true),
        new FieldDefinition(IN_POOL, FieldType.BOOLEAN, List.of(), "In the public pool", true),
        new FieldDefinition(STATUS, FieldType.ENUM, List.of("prospect", "customer"), "Status", true),
        new FieldDefinition(LOCKED, FieldType.BOOLEAN, List.of(), "Locked", true));
  }
}
