package dev.relay.lead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The command to capture a lead: {@code NewLead.of("website", "张伟").withCompany("上海振华重工（集团）股份有限公司")
 * .withPhones("138 0013 8000").withFields(Map.of("industry", "machinery"))}. The {@link LeadService} validates it
 * against the tenant's playbook, checks it for duplicates, matches it to an account and routes it.
 *
 * @param source where the lead came from, e.g. {@code website}, {@code trade_show}; if the playbook declares a custom
 *     lead field {@code source}, it is filled from here unless {@code fields} sets it
 * @param name the contact's name
 * @param company the contact's company, or {@code null} (a blank one counts as none, since forms send empty fields)
 * @param phones phone numbers as entered, in any usual format
 * @param emails e-mail addresses
 * @param fields custom field values by field name (raw values as a host or JSON would pass them)
 */
public record NewLead(String source, String name, @Nullable String company, List<String> phones, List<String> emails,
    Map<String, Object> fields) {

  public NewLead {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A lead from a source with only the contact's name. */
  public static NewLead of(String source, String name) {
    return new NewLead(source, name, null, List.of(), List.of(), Map.of());
  }

  public NewLead withCompany(String value) {
    return new NewLead(source, name, Objects.requireNonNull(value, "company"), phones, emails, fields);
  }

  /** This command with these phone numbers added. */
  public NewLead withPhones(String... numbers) {
    List<String> all = new ArrayList<>(phones);
    all.addAll(List.of(numbers));
    return new NewLead(source, name, company, all, emails, fields);
  }

  /** This command with these e-mail addresses added. */
  public NewLead withEmails(String... addresses) {
    List<String> all = new ArrayList<>(emails);
    all.addAll(List.of(addresses));
    return new NewLead(source, name, company, phones, all, fields);
  }

  /** This command with these custom field values added (later values win). */
  public NewLead withFields(Map<String, ?> values) {
    Map<String, Object> merged = new LinkedHashMap<>(fields);
    merged.putAll(values);
    return new NewLead(source, name, company, phones, emails, merged);
  }

  /** The company, or {@code null} if none or blank. */
  @Nullable String companyOrNull() {
    return company == null || company.isBlank() ? null : company;
  }
}
