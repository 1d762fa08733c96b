package dev.relay.pool;

import dev.relay.common.RepId;
import dev.relay.org.OrgChart;
import dev.relay.org.Rep;

/**
 * How reasons given to one rep name another rep who owns or registered a customer: by name and id where the playbook's
 * {@code reveal_owner} allows, otherwise as "another rep". A rep is always told about themselves.
 */
final class OwnerDisclosure {
  private final boolean reveal;
  private final OrgChart chart;
  private final RepId viewer;

  OwnerDisclosure(boolean reveal, OrgChart chart, RepId viewer) {
    this.reveal = reveal;
    this.chart = chart;
    this.viewer = viewer;
  }

  /** {@code Li (li)}, {@code you}, or {@code another rep}. */
  String name(RepId rep) {
    if (rep.equals(viewer)) {
      return "you";
    }
    return reveal ? display(chart, rep) : "another rep";
  }

  /** A rep's name and id, e.g. {@code Li (li)}, or the id alone if the organisation does not know them. */
  static String display(OrgChart chart, RepId rep) {
    return chart.rep(rep).map(Rep::name).map(n -> n + " (" + rep.value() + ")").orElse(rep.value());
  }

  /** An account as named in reasons, e.g. {@code '上海振华重工（集团）股份有限公司' (C-1)}. */
  static String account(Account account) {
    return "'" + account.name() + "' (" + account.id().value() + ")";
  }
}
