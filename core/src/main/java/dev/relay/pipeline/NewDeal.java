package dev.relay.pipeline;

import dev.relay.common.AccountId;
import dev.relay.common.Money;
import dev.relay.common.RepId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The command to create a deal: {@code NewDeal.of("ACME ERP", li, Money.of(120_000, "CNY")).withFields(Map.of("budget",
 * 150_000))}. The {@link PipelineService} validates it against the tenant's playbook.
 *
 * @param name display name
 * @param owner the owning rep
 * @param amount expected contract value
 * @param fields initial custom field values, by field name (raw values as a host or JSON would pass them)
 * @param collaborators others working on the deal, at most one entry per rep
 * @param createdBy who creates it, recorded in the first history entry; the owner by default
 * @param account the customer account the deal is with, or {@code null}
 */
public record NewDeal(String name, RepId owner, Money amount, Map<String, Object> fields,
    List<Collaborator> collaborators, RepId createdBy, @Nullable AccountId account) {

  public NewDeal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(createdBy, "createdBy");
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    collaborators = List.copyOf(collaborators);
  }

  /** A deal without custom fields or collaborators, created by its owner. */
  public static NewDeal of(String name, RepId owner, Money amount) {
    return new NewDeal(name, owner, amount, Map.of(), List.of(), owner, null);
  }

  /** This command with these custom field values added (later values win). */
  public NewDeal withFields(Map<String, ?> values) {
    Map<String, Object> merged = new LinkedHashMap<>(fields);
    merged.putAll(values);
    return new NewDeal(name, owner, amount, merged, collaborators, createdBy, account);
  }

  /** This command with a collaborator added, replacing an earlier entry for the same rep. */
  public NewDeal withCollaborator(RepId rep, String role) {
    List<Collaborator> list = new ArrayList<>(collaborators);
    list.removeIf(c -> c.rep().equals(rep));
    list.add(new Collaborator(rep, role));
    return new NewDeal(name, owner, amount, fields, list, createdBy, account);
  }

  /** This command created on the owner's behalf by someone else. */
  public NewDeal createdBy(RepId creator) {
    return new NewDeal(name, owner, amount, fields, collaborators, creator, account);
  }

  /** This command for a deal with a customer account of the pool. */
  public NewDeal forAccount(AccountId customer) {
    return new NewDeal(name, owner, amount, fields, collaborators, createdBy, Objects.requireNonNull(customer, "account"));
  }
}
