/**
 * Incentives (目标拆解, 多维考核, 阶梯提成, 团队分红): targets cascaded company → team → rep with seasonality and
 * ramp-up, attainment on booked or collected revenue, weighted scorecards, commission plans built from components
 * (flat rates, graduated and retroactive tiers, accelerators, decelerators, caps, SPIFFs, credit splits, manager
 * overrides, team pools, clawbacks, draws), statements whose every line names its deal or measure, base, rate and rule,
 * closed periods behind the {@link dev.relay.incentive.StatementRepository} port, and leaderboards.
 *
 * <p>Everything here is a pure function of (plan, inputs): the same inputs always give the same statements, line for
 * line. Money is exact until a statement line, where it is rounded once, {@link dev.relay.common.Money#ROUNDING
 * HALF_EVEN} to the currency's minor unit; totals are sums of rounded lines.
 */
@NullMarked
package dev.relay.incentive;

import org.jspecify.annotations.NullMarked;
