/**
 * Duplicate and conflict detection (查重 / 撞单) through normalised keys: company names (case, width, punctuation,
 * Chinese and English legal forms, branches), phone numbers in E.164, e-mail addresses and company domains, and unified
 * social credit codes (统一社会信用代码) with their check character — looked up in an index, never by scanning the
 * registry.
 *
 * <p>{@link dev.relay.pool.matching.AccountKeys} derives the keys and documents every normalisation rule; {@link
 * dev.relay.pool.matching.DuplicateDetector} turns them into candidates with their reasons; {@link
 * dev.relay.pool.matching.MatchIndex} is the port the account store keeps up to date, with {@link
 * dev.relay.pool.matching.InMemoryMatchIndex} as its reference implementation; {@link
 * dev.relay.pool.matching.NameGrams} is the name similarity they share.
 */
@NullMarked
package dev.relay.pool.matching;

import org.jspecify.annotations.NullMarked;
