/**
 * The customer pool (客户池 / 公海): one shared registry of accounts with duplicate and conflict detection (查重 / 撞单),
 * claims under per-tenant limits, protection periods, automatic recycling of neglected accounts back to the public pool,
 * deal registration (报备), transfers with handover notes (转交) and releases.
 */
@NullMarked
package dev.relay.pool;

import org.jspecify.annotations.NullMarked;
