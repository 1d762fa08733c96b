package dev.relay.lead;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.pool.matching.AccountKeys;
import dev.relay.pool.matching.MatchKey;
import dev.relay.pool.matching.MatchKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A lead's normalised match keys, with the account registry's normalisers ({@link AccountKeys}) so that leads and
 * accounts meet under the same keys: the company name ({@link MatchKind#COMPANY_NAME}), the contact's name ({@link
 * MatchKind#PERSON_NAME}), each phone in E.164 and each e-mail address. The company's e-mail domains are no stored key
 * (two people at one employer are two leads) but take part in {@linkplain #forAccounts matching accounts}.
 */
final class LeadKeys {
  private LeadKeys() {}

  /**
   * The keys of a lead's details. A blank name gives no key (the caller reports it).
   *
   * @throws ValidationException listing every detail that cannot be normalised, with paths {@code name}, {@code
   *     company}, {@code phones[i]}, {@code emails[i]}
   */
  static Set<MatchKey> of(String name, @Nullable String company, List<String> phones, List<String> emails,
      String defaultRegion) {
    List<Problem> problems = new ArrayList<>();
    Set<MatchKey> keys = new LinkedHashSet<>();
    if (!name.isBlank()) {
      collect(keys, problems, "name", () -> AccountKeys.personName(name));
    }
    if (company != null) {
      collect(keys, problems, "company", () -> AccountKeys.companyName(company));
    }
    for (int i = 0; i < phones.size(); i++) {
      String phone = phones.get(i);
      collect(keys, problems, "phones[" + i + "]", () -> AccountKeys.phone(phone, defaultRegion));
    }
    for (int i = 0; i < emails.size(); i++) {
      String email = emails.get(i);
      collect(keys, problems, "emails[" + i + "]", () -> AccountKeys.email(email));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return keys;
  }

  /**
   * The keys to look accounts up by: the company name, phones and e-mail addresses, and — for a lead with a company —
   * the domains of its company e-mail addresses. The contact's name is left out: a person's name alone is too common to
   * tie a lead to a customer.
   */
  static List<MatchKey> forAccounts(Set<MatchKey> leadKeys) {
    boolean company = leadKeys.stream().anyMatch(k -> k.kind() == MatchKind.COMPANY_NAME);
    List<MatchKey> out = new ArrayList<>();
    for (MatchKey k : leadKeys) {
      if (k.kind() != MatchKind.PERSON_NAME) {
        out.add(k);
      }
      if (company && k.kind() == MatchKind.EMAIL) {
        AccountKeys.companyDomain(k).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The keys of one kind. */
  static List<MatchKey> ofKind(Collection<MatchKey> keys, MatchKind kind) {
    return keys.stream().filter(k -> k.kind() == kind).toList();
  }

  private static void collect(Set<MatchKey> keys, List<Problem> problems, String path, Supplier<MatchKey> key) {
    try {
      keys.add(key.get());
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        problems.add(new Problem(path, p.message()));
      }
    }
  }
}
