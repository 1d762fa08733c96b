package dev.relay.pool.matching;

import dev.relay.common.Problem;
import dev.relay.common.ValidationException;
import dev.relay.pool.AccountKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Derives an account's normalised match keys: the values under which two records of one customer meet, however
 * differently people typed them.
 *
 * <h2>Names</h2>
 * A {@linkplain #companyName company name} is folded (NFKC — full-width to half-width —, full case folding), stripped
 * of white space and punctuation, ASCII and CJK alike ({@code （）()【】·,，.。、-—_&＆} …), and of trailing legal forms,
 * repeatedly: Chinese {@code 股份有限公司 有限责任公司 有限公司 股份公司 集团公司 总公司 公司 集团 有限合伙 合伙企业} and English and
 * continental {@code Inc Incorporated Ltd Limited LLC LLP GmbH Co Corp Corporation Company plc S.A. AG KG Pte Pty B.V.
 * N.V. S.r.l. SARL S.p.A. KK Group}. So {@code 上海振华重工（集团）股份有限公司} and {@code 上海振华重工股份有限公司} are both
 * {@code 上海振华重工}, and {@code ACME Co., Ltd.} is {@code acme}. {@code 集团}/{@code Group} go too: a group and its
 * flagship company are one customer for sales. Stripping never empties a name ({@code 有限公司} alone stays). Region
 * prefixes ({@code 上海}, {@code 北京}) stay: they tell different companies apart.
 *
 * <p><b>Branches.</b> A branch or representative office ({@code 分公司 分店 分厂 分部 办事处 营业部 分行 支行}, {@code
 * Branch}, {@code Branch Office}, {@code Representative Office}) is its own customer — it has its own credit code and
 * often its own buyer — so it does not share its parent's key; but a rep claiming it may be trespassing on the parent's
 * owner, so it must be found. Its key is therefore the parent's key, {@code /}, and the rest of its name: {@code
 * XX有限公司北京分公司} → {@code xx/北京分公司}, {@code ACME Ltd. Shanghai Branch} → {@code acme/shanghaibranch}. The
 * {@link DuplicateDetector} reports parent and branch to each other as possible duplicates whatever their similarity.
 * This needs a legal form between parent and place; without one ({@code 华为北京分公司}) we cannot tell where the parent
 * ends, the name is kept whole, and only name similarity can find the parent.
 *
 * <p>A {@linkplain #personName person name} gets the same folding and loses white space and punctuation ({@code 阿依·买买提},
 * {@code O'Brien}) but no legal forms.
 *
 * <h2>Phones</h2>
 * {@linkplain #phone Phone numbers} become E.164 ({@code +8613812345678}). Written separators (spaces, {@code - . / ( )}),
 * full-width digits, {@code +86}, {@code 0086} and a bare {@code 86} in front, trunk prefixes ({@code 021-…}), and
 * extensions ({@code 转123}, {@code ext. 123}, dropped) are understood. A number without a country code is read in the
 * tenant's default region; the supported regions are {@link #supportedRegions()}: mainland China (mobiles {@code
 * 1[3-9]} + 9 digits, landlines with area code, 400/800 numbers), Hong Kong, the US and Canada (+1), the UK, Germany,
 * Singapore and Japan. Numbers with another country code are accepted after {@code +} or {@code 00} and checked only
 * for E.164's length.
 *
 * <h2>E-mail</h2>
 * {@linkplain #email Addresses} are trimmed and lower-cased (local parts are case-insensitive in practice). The domain
 * of a company's address is also a key ({@link MatchKind#EMAIL_DOMAIN}) unless it is one of the {@link
 * #FREE_MAIL_DOMAINS} or a subdomain of one; only companies get domain keys, because two people at one employer are not
 * one customer.
 *
 * <h2>Credit codes</h2>
 * See {@link UnifiedSocialCreditCode}. A blank credit code counts as none, since forms send empty fields.
 */
public final class AccountKeys {
  /**
   * Domains of free and consumer mail services, whose addresses say nothing about the employer: Chinese (QQ, NetEase,
   * Sina, Sohu, carriers, Aliyun, …) and international (Gmail, Outlook, Yahoo, iCloud, …). Subdomains count too ({@code
   * vip.163.com}). Hosts with other lists can filter {@link MatchKind#EMAIL_DOMAIN} keys themselves.
   */
  public static final Set<String> FREE_MAIL_DOMAINS = Set.of(
      // mainland China
      "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "188.com", "netease.com", "sina.com", "sina.cn",
      "sina.com.cn", "sohu.com", "139.com", "189.cn", "wo.cn", "wo.com.cn", "aliyun.com", "tom.com", "21cn.com",
      "263.net", "eyou.com", "2980.com",
      // Hong Kong, Taiwan
      "yahoo.com.hk", "yahoo.com.tw", "netvigator.com",
      // international
      "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
      "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "zoho.com",
      "gmx.com", "gmx.net", "gmx.de", "web.de", "t-online.de", "yandex.ru", "yandex.com", "mail.ru", "mail.com",
      "hotmail.co.uk", "yahoo.co.uk", "btinternet.com", "yahoo.co.jp", "naver.com", "hanmail.net", "fastmail.com",
      "tutanota.com", "hey.com");

  /** A conservative address shape: a dot-atom local part and a host name with a letter TLD. */
  private static final Pattern EMAIL = Pattern.compile(
      "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  private AccountKeys() {}

  /**
   * The keys of an account's identifying details: its name, each phone, each e-mail address and (for companies) its
   * domain, and its credit code, in that order, without repeats.
   *
   * @param kind whether the name is a company's or a person's
   * @param creditCode the unified social credit code, or {@code null} (or blank) if unknown
   * @param defaultRegion ISO 3166 region for phone numbers without a country code, e.g. {@code CN}; one of {@link
   *     #supportedRegions()}
   * @throws ValidationException listing every detail that cannot be normalised, with paths {@code name}, {@code
   *     phones[i]}, {@code emails[i]}, {@code credit_code}
   * @throws IllegalArgumentException if {@code defaultRegion} is not supported
   * @throws NullPointerException if an argument other than {@code creditCode}, or an element of a list, is null
   */
  public static Set<MatchKey> of(AccountKind kind, String name, List<String> phones, List<String> emails,
      @Nullable String creditCode, String defaultRegion) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(phones, "phones");
    Objects.requireNonNull(emails, "emails");
    PhoneNumbers.Region region = PhoneNumbers.region(Objects.requireNonNull(defaultRegion, "defaultRegion"));
    List<Problem> problems = new ArrayList<>();
    Set<MatchKey> keys = new LinkedHashSet<>();
    collect(keys, problems, "name", () -> name(kind, name));
    for (int i = 0; i < phones.size(); i++) {
      String phone = Objects.requireNonNull(phones.get(i), "phones[" + i + "]");
      collect(keys, problems, "phones[" + i + "]", () -> new MatchKey(MatchKind.PHONE,
          PhoneNumbers.toE164(phone, region)));
    }
    List<MatchKey> domains = new ArrayList<>();
    for (int i = 0; i < emails.size(); i++) {
      String email = Objects.requireNonNull(emails.get(i), "emails[" + i + "]");
      MatchKey key = collect(keys, problems, "emails[" + i + "]", () -> email(email));
      if (key != null && kind == AccountKind.COMPANY) {
        companyDomain(key).ifPresent(domains::add);
      }
    }
    keys.addAll(domains);
    if (creditCode != null && !creditCode.isBlank()) {
      collect(keys, problems, "credit_code", () -> creditCode(creditCode));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return Collections.unmodifiableSet(keys);
  }

  /**
   * The {@link MatchKind#COMPANY_NAME} or {@link MatchKind#PERSON_NAME} key of a name.
   *
   * @throws ValidationException at {@code name} if the name has no letters or digits
   */
  public static MatchKey name(AccountKind kind, String name) {
    Objects.requireNonNull(kind, "kind");
    return kind == AccountKind.COMPANY ? companyName(name) : personName(name);
  }

  /**
   * The {@link MatchKind#COMPANY_NAME} key of a company name, normalised as the class documentation describes.
   *
   * @throws ValidationException at {@code name} if the name has no letters or digits
   */
  public static MatchKey companyName(String name) {
    return new MatchKey(MatchKind.COMPANY_NAME, Names.company(Objects.requireNonNull(name, "name")));
  }

  /**
   * The {@link MatchKind#PERSON_NAME} key of a person's name.
   *
   * @throws ValidationException at {@code name} if the name has no letters or digits
   */
  public static MatchKey personName(String name) {
    return new MatchKey(MatchKind.PERSON_NAME, Names.person(Objects.requireNonNull(name, "name")));
  }

  /**
   * The parent company's key of a branch's {@link MatchKind#COMPANY_NAME} key ({@code xx/北京分公司} → {@code xx}), or
   * empty if the key is not a branch's.
   */
  public static Optional<MatchKey> parentCompany(MatchKey companyName) {
    Objects.requireNonNull(companyName, "companyName");
    if (companyName.kind() != MatchKind.COMPANY_NAME) {
      return Optional.empty();
    }
    return Names.parentOfBranch(companyName.value()).map(p -> new MatchKey(MatchKind.COMPANY_NAME, p));
  }

  /**
   * The {@link MatchKind#PHONE} key of a written phone number, in E.164.
   *
   * @param defaultRegion the region of numbers written without a country code; one of {@link #supportedRegions()}
   * @throws ValidationException at {@code phone} if the number cannot be read
   * @throws IllegalArgumentException if {@code defaultRegion} is not supported
   */
  public static MatchKey phone(String phone, String defaultRegion) {
    Objects.requireNonNull(phone, "phone");
    PhoneNumbers.Region region = PhoneNumbers.region(Objects.requireNonNull(defaultRegion, "defaultRegion"));
    return new MatchKey(MatchKind.PHONE, PhoneNumbers.toE164(phone, region));
  }

  /** The default regions phone numbers can be read in: {@code CN, HK, US, CA, GB, DE, SG, JP}. */
  public static Set<String> supportedRegions() {
    return PhoneNumbers.REGIONS.keySet();
  }

  /**
   * The {@link MatchKind#EMAIL} key of an address: trimmed, full-width made half-width, lower-cased.
   *
   * @throws ValidationException at {@code email} if it is not a well-formed address
   */
  public static MatchKey email(String email) {
    Objects.requireNonNull(email, "email");
    String address = Normalizer.normalize(email, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
      throw ValidationException.of("email", "'" + email + "' is not a well-formed e-mail address");
    }
    return new MatchKey(MatchKind.EMAIL, address);
  }

  /**
   * The {@link MatchKind#EMAIL_DOMAIN} key of an {@link MatchKind#EMAIL} key, or empty for a free-mail domain.
   *
   * @throws IllegalArgumentException if the key is not an e-mail key
   */
  public static Optional<MatchKey> companyDomain(MatchKey email) {
    Objects.requireNonNull(email, "email");
    if (email.kind() != MatchKind.EMAIL) {
      throw new IllegalArgumentException("not an e-mail key: " + email);
    }
    String domain = email.value().substring(email.value().lastIndexOf('@') + 1);
    return isFreeMail(domain) ? Optional.empty() : Optional.of(new MatchKey(MatchKind.EMAIL_DOMAIN, domain));
  }

  /**
   * The {@link MatchKind#CREDIT_CODE} key of a written unified social credit code.
   *
   * @throws ValidationException at {@code credit_code} if the code is malformed or its check character is wrong
   */
  public static MatchKey creditCode(String creditCode) {
    return new MatchKey(MatchKind.CREDIT_CODE, UnifiedSocialCreditCode.normalize(creditCode));
  }

  private static boolean isFreeMail(String domain) {
    for (String d = domain; ; ) {
      if (FREE_MAIL_DOMAINS.contains(d)) {
        return true;
      }
      int dot = d.indexOf('.');
      if (dot < 0) {
        return false;
      }
      d = d.substring(dot + 1);
    }
  }

  /** Adds the key, or the problems of the detail moved to {@code path}; the key or null. */
  private static @Nullable MatchKey collect(Set<MatchKey> keys, List<Problem> problems, String path,
      Supplier<MatchKey> key) {
    try {
      MatchKey k = key.get();
      keys.add(k);
      return k;
    } catch (ValidationException e) {
      for (Problem p : e.problems()) {
        problems.add(new Problem(path, p.message()));
      }
      return null;
    }
  }
}
