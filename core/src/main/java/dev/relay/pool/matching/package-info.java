/**
 * Duplicate detection through normalised keys: company names (case, width, punctuation, Chinese and English legal
 * forms), phone numbers in E.164, e-mail addresses and company domains, and unified social credit codes (统一社会信用代码)
 * with their check character — looked up in an index, never by scanning the registry.
 */
@NullMarked
package dev.relay.pool.matching;

import org.jspecify.annotations.NullMarked;
