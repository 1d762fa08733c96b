package dev.relay.pool;

import dev.relay.common.AccountId;
import dev.relay.common.ErrorCode;
import dev.relay.common.Problem;
import dev.relay.common.Reason;
import dev.relay.common.RuleViolationException;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a command on an existing account: {@link Changed}, {@link Requested} (the change now waits for
 * someone's decision) or {@link Refused}. A rule saying no is a {@code Refused} result with every reason as data, not
 * an exception; call {@link #orThrow()} where an exception suits the caller better.
 */
public sealed interface AccountChange permits AccountChange.Changed, AccountChange.Requested, AccountChange.Refused {

  /** The account the command was about. */
  AccountId accountId();

  default boolean isChanged() {
    return this instanceof Changed;
  }

  /**
   * This result if the change is done.
   *
   * @throws RuleViolationException if it was refused (with the refusal's code and one problem per reason), or if it
   *     waits for a decision ({@link ErrorCode#APPROVAL_REQUIRED} for a transfer, {@link ErrorCode#FORBIDDEN} for a
   *     collaboration request filed instead of a claim)
   */
  Changed orThrow();

  /**
   * The command took effect (or found nothing to do: locking a locked account returns it unchanged).
   *
   * @param account the account as stored after the command
   * @param trace how the decision's details came out, e.g. how many open deals and tasks followed a transfer
   */
  record Changed(Account account, List<Reason> trace) implements AccountChange {
    public Changed {
      Objects.requireNonNull(account, "account");
      trace = List.copyOf(trace);
    }

    @Override
    public AccountId accountId() {
      return account.id();
    }

    @Override
    public Changed orThrow() {
      return this;
    }
  }

  /**
   * The command filed a request that someone else decides: a transfer waiting for the owner's manager, or a
   * collaboration request to the owner of a customer the rep wanted to claim (撞单). The account itself is not part of
   * the result, since it may belong to another rep.
   *
   * @param accountId the account the request is on
   * @param request the pending request (new, or the rep's earlier one still pending)
   * @param reasons why it is a request rather than a change
   */
  record Requested(AccountId accountId, PoolRequest request, List<Reason> reasons) implements AccountChange {
    public Requested {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(request, "request");
      reasons = List.copyOf(reasons);
    }

    @Override
    public Changed orThrow() {
      ErrorCode code = request instanceof TransferRequest ? ErrorCode.APPROVAL_REQUIRED : ErrorCode.FORBIDDEN;
      String message = request instanceof TransferRequest
          ? "the transfer of " + accountId + " waits for approval (request " + request.id() + ")"
          : accountId + " belongs to another rep; collaboration was requested instead (request " + request.id() + ")";
      throw new RuleViolationException(code, message,
          reasons.isEmpty() ? List.of(new Problem("", message))
              : reasons.stream().map(r -> new Problem(r.rule(), r.message())).toList());
    }
  }

  /**
   * A rule refused the command; nothing changed.
   *
   * @param accountId the account
   * @param code {@link ErrorCode#FORBIDDEN} when a rule forbids it to this rep (a claim limit, pool membership, the
   *     cool-down, another rep's registration or ownership); {@link ErrorCode#INVALID_TRANSITION} when the account's
   *     state does not allow it (not in the pool, not owned, already the rep's)
   * @param reasons every reason, at least one; a configured rule's {@link Reason#rule()} is its path in the playbook,
   *     e.g. {@code pool.pools[0].claim.max_owned}
   */
  record Refused(AccountId accountId, ErrorCode code, List<Reason> reasons) implements AccountChange {
    public Refused {
      Objects.requireNonNull(accountId, "accountId");
      Objects.requireNonNull(code, "code");
      reasons = List.copyOf(reasons);
      if (reasons.isEmpty()) {
        throw new IllegalArgumentException("a refusal needs at least one reason");
      }
    }

    @Override
    public Changed orThrow() {
      throw toException();
    }

    public RuleViolationException toException() {
      return new RuleViolationException(code, accountId + ": " + reasons.get(0).message(),
          reasons.stream().map(r -> new Problem(r.rule(), r.message())).toList());
    }
  }
}
