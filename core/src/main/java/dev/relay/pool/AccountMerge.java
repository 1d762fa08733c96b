package dev.relay.pool;

import dev.relay.fields.FieldDefinition;
import dev.relay.fields.FieldValues;
import dev.relay.pool.matching.AccountKeys;
import dev.relay.pool.matching.MatchKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a duplicate's details into the existing record (the {@code merge} duplicate policy) without overwriting
 * anything: phone numbers and e-mail addresses it does not have yet (compared by their normalised keys, so {@code +86
 * 138 0013 8000} and {@code 13800138000} are one number) are added, a missing credit code and unset custom fields are
 * filled in. The name, kind and owner stay the existing record's.
 */
final class AccountMerge {

  /**
   * @param merged the existing account with the details added and its keys derived again (not yet stored)
   * @param added what was added, in words, e.g. {@code phones: +86 138 0013 8000}
   */
  record Result(Account merged, List<String> added) {}

  /**
   * @param existing the existing account, bound to the current schema
   * @param incoming the new account's custom field values, bound to the same schema
   * @throws dev.relay.common.ValidationException never for details {@link AccountKeys#of} accepted
   */
  Result merge(Account existing, NewAccount command, FieldValues incoming, String defaultRegion) {
    Set<MatchKey> known = existing.keys();
    List<String> added = new ArrayList<>();
    List<String> phones = new ArrayList<>(existing.phones());
    for (String phone : command.phones()) {
      if (!known.contains(AccountKeys.phone(phone, defaultRegion)) && !phones.contains(phone)) {
        phones.add(phone);
        added.add("phones: " + phone);
      }
    }
    List<String> emails = new ArrayList<>(existing.emails());
    for (String email : command.emails()) {
      if (!known.contains(AccountKeys.email(email)) && !emails.contains(email)) {
        emails.add(email);
        added.add("emails: " + email);
      }
    }
    String creditCode = existing.creditCode();
    if ((creditCode == null || creditCode.isBlank()) && command.creditCode() != null
        && !command.creditCode().isBlank()) {
      creditCode = command.creditCode();
      added.add("credit_code: " + creditCode);
    }
    Map<String, Object> fill = new HashMap<>();
    for (FieldDefinition f : incoming.schema().fields()) {
      Object value = incoming.get(f.name());
      if (!f.builtIn() && value != null && existing.fields().get(f.name()) == null) {
        fill.put(f.name(), value);
        added.add("fields." + f.name() + ": " + value);
      }
    }
    Account.Draft d = existing.draft();
    d.phones = phones;
    d.emails = emails;
    d.creditCode = creditCode;
    d.fields = existing.fields().with(fill, false);
    d.keys = AccountKeys.of(existing.kind(), existing.name(), phones, emails, creditCode, defaultRegion);
    return new Result(d.build(), added);
  }
}
