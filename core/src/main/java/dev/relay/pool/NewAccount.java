package dev.relay.pool;

import dev.relay.common.RepId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The command to create an account: {@code NewAccount.company("上海振华重工（集团）股份有限公司", li).withPhones("021-6888
 * 8888").withCreditCode("91310000132211233X")}. The {@link PoolService} validates it against the tenant's playbook and
 * checks it for duplicates and conflicts.
 *
 * @param kind company or person
 * @param name display name
 * @param phones phone numbers as entered, in any usual format
 * @param emails e-mail addresses
 * @param creditCode the unified social credit code, or {@code null}
 * @param fields initial custom field values, by field name (raw values as a host or JSON would pass them)
 * @param owner the rep who will own it, or {@code null} to put it straight into the public pool
 * @param createdBy who creates it
 */
public record NewAccount(AccountKind kind, String name, List<String> phones, List<String> emails,
    @Nullable String creditCode, Map<String, Object> fields, @Nullable RepId owner, RepId createdBy) {

  public NewAccount {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdBy, "createdBy");
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A company owned by the rep who creates it, without contact details or custom fields. */
  public static NewAccount company(String name, RepId owner) {
    return new NewAccount(AccountKind.COMPANY, name, List.of(), List.of(), null, Map.of(), owner, owner);
  }

  /** A person owned by the rep who creates it, without contact details or custom fields. */
  public static NewAccount person(String name, RepId owner) {
    return new NewAccount(AccountKind.PERSON, name, List.of(), List.of(), null, Map.of(), owner, owner);
  }

  /** An account of the given kind put straight into the public pool by {@code creator}. */
  public static NewAccount intoPool(AccountKind kind, String name, RepId creator) {
    return new NewAccount(kind, name, List.of(), List.of(), null, Map.of(), null, creator);
  }

  /** This command with these phone numbers added. */
  public NewAccount withPhones(String... numbers) {
    List<String> all = new ArrayList<>(phones);
    all.addAll(List.of(numbers));
    return new NewAccount(kind, name, all, emails, creditCode, fields, owner, createdBy);
  }

  /** This command with these e-mail addresses added. */
  public NewAccount withEmails(String... addresses) {
    List<String> all = new ArrayList<>(emails);
    all.addAll(List.of(addresses));
    return new NewAccount(kind, name, phones, all, creditCode, fields, owner, createdBy);
  }

  public NewAccount withCreditCode(String code) {
    return new NewAccount(kind, name, phones, emails, Objects.requireNonNull(code, "creditCode"), fields, owner,
        createdBy);
  }

  /** This command with these custom field values added (later values win). */
  public NewAccount withFields(Map<String, ?> values) {
    Map<String, Object> merged = new LinkedHashMap<>(fields);
    merged.putAll(values);
    return new NewAccount(kind, name, phones, emails, creditCode, merged, owner, createdBy);
  }

  /** The rep the duplicate and conflict checks speak for: the future owner, or the creator of a pool account. */
  RepId actingRep() {
    return owner != null ? owner : createdBy;
  }
}
