package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RuleViolationException;
import dev.relay.pool.matching.DuplicateCandidate;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of creating an account: {@link Created} (possibly flagged as a duplicate), {@link Merged} into an existing
 * record, {@link Requested} (the customer belongs to another rep, who is asked to let the creator collaborate) or
 * {@link Refused}. Duplicates and conflicts are results with their reasons as data, not exceptions; call {@link
 * #orThrow()} where an exception suits the caller better.
 */
public sealed interface AccountCreation
    permits AccountCreation.Created, AccountCreation.Merged, AccountCreation.Requested, AccountCreation.Refused {

  /**
   * The account created, or the existing one the details were merged into.
   *
   * @throws RuleViolationException if it was refused, or if a collaboration request was filed instead ({@link
   *     ErrorCode#FORBIDDEN})
   */
  Account orThrow();

  /**
   * A new account was created.
   *
   * @param account the stored account
   * @param possibleDuplicates the existing accounts it was flagged with (exact ones under the {@code flag} policy,
   *     similar names always), also recorded on {@link Account#possibleDuplicates()}
   */
  record Created(Account account, List<DuplicateCandidate> possibleDuplicates) implements AccountCreation {
    public Created {
      Objects.requireNonNull(account, "account");
      possibleDuplicates = List.copyOf(possibleDuplicates);
    }

    @Override
    public Account orThrow() {
      return account;
    }
  }

  /**
   * The details were merged into an existing duplicate (the {@code merge} policy): its blank credit code and unset
   * fields were filled in and the new phone numbers and e-mail addresses added.
   *
   * @param account the existing account after the merge
   * @param match why it is the same customer
   * @param added what the merge added, in words, e.g. {@code phones: +86 138 0013 8000}; empty if nothing was new
   */
  record Merged(Account account, DuplicateCandidate match, List<String> added) implements AccountCreation {
    public Merged {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(match, "match");
      added = List.copyOf(added);
    }

    @Override
    public Account orThrow() {
      return account;
    }
  }

  /**
   * The customer already belongs to another rep and the playbook's conflict policy is {@code collaboration_request}:
   * a request to collaborate was filed on the existing account instead of creating a new one.
   *
   * @param accountId the existing account
   * @param request the pending request (new, or the rep's earlier one)
   * @param reasons the conflict, naming the owner only where the playbook reveals owners
   */
  record Requested(AccountId accountId, CollaborationRequest request, List<Reason> reasons)
      implements AccountCreation {
    public Requested {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(request, "request");
      reasons = List.copyOf(reasons);
    }

    @Override
    public Account orThrow() {
      throw new RuleViolationException(ErrorCode.FORBIDDEN, reasons.isEmpty() ? "collaboration requested"
          : reasons.get(0).message(), reasons.stream().map(r -> new Problem(r.rule(), r.message())).toList());
    }
  }

  /**
   * Nothing was created: the customer belongs to another rep ({@link ErrorCode#FORBIDDEN}, rule {@code
   * pool.conflicts}) or duplicates an existing account ({@link ErrorCode#INVALID_TRANSITION}, rule {@code
   * pool.duplicates}).
   *
   * @param code see above
   * @param reasons every reason, at least one, naming the existing account and the keys they share (and its owner
   *     where the playbook reveals owners)
   * @param existing the existing accounts that caused the refusal
   */
  record Refused(ErrorCode code, List<Reason> reasons, List<AccountId> existing) implements AccountCreation {
    public Refused {
      Objects.requireNonNull(code, "code");
      reasons = List.copyOf(reasons);
      existing = List.copyOf(existing);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs at least one reason");
      }
    }

    @Override
    public Account orThrow() {
      throw toException();
    }

    public RuleViolationException toException() {
      return new RuleViolationException(code, reasons.get(0).message(),
          reasons.stream().map(r -> new Problem(r.rule(), r.message())).toList());
    }
  }
}
