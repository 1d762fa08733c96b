package dev.relay.pool.matching;

/** The kinds of normalised key two accounts can share. */
public enum MatchKind {
  /**
   * The company name without case, width, punctuation, white space or legal-form suffix; a branch's is its parent's,
   * {@code /}, and the rest of its name (see {@link AccountKeys}).
   */
  COMPANY_NAME,
  /** A person's name, normalised the same way but without legal forms. */
  PERSON_NAME,
  /** A phone number in E.164, e.g. {@code +8613812345678}. */
  PHONE,
  /** A lower-cased e-mail address. */
  EMAIL,
  /** The domain of a company e-mail address (free-mail domains never are one). */
  EMAIL_DOMAIN,
  /** An 18-character unified social credit code with a valid check character. */
  CREDIT_CODE
}
