package dev.relay.lead;

import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldType;
import java.util.List;

/**
 * The built-in fields of a lead, which assignment criteria can read beside the tenant's custom fields (source,
 * industry, region, grade, …). Relay maintains them: {@link Lead} mirrors its contact name, company, first e-mail
 * address and phone number as entered, status and owner (the rep's tenant-local id) into them on every change, and
 * capture refuses values written to them directly.
 */
public final class LeadFields {
  public static final String NAME = "name";
  public static final String COMPANY = "company";
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String STATUS = "status";
  public static final String OWNER = "owner";

  private LeadFields() {}

  /** The built-in lead fields, in schema order. */
  public static List<FieldDefinition> builtIns() {
    return List.of(
        new FieldDefinition(NAME, FieldType.STRING, List.of(), "Contact name", true),
        new FieldDefinition(COMPANY, FieldType.STRING, List.of(), "Company", true),
        new FieldDefinition(EMAIL, FieldType.STRING, List.of(), "E-mail", true),
        new FieldDefinition(PHONE, FieldType.STRING, List.of(), "Phone", true),
        new FieldDefinition(STATUS, FieldType.ENUM,
            List.of("new", "assigned", "contacted", "qualified", "disqualified", "converted"), "Status", true),
        new FieldDefinition(OWNER, FieldType.STRING, List.of(), "Owner", true));
  }
}
