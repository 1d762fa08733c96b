package dev.relay.benchmarks.pool;

import dev.relay.pool.matching.UnifiedSocialCreditCode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic companies for the duplicate-check benchmark: names, phones, e-mail addresses and credit codes
 * as people type them, built from combinatorial parts so that a million of them look like a real customer pool — many
 * share a region, a trade or a legal form, some share a brand, a few share a whole name.
 *
 * <p>Account {@code i} depends only on {@code (seed, i)}, so queries can re-create any account's details without keeping
 * a million raw records in memory. Six in ten are Chinese companies (region + two-character brand + trade + legal form,
 * one in twenty a branch), four in ten English-named ones (optional city + two words + trade + legal form).
 */
final class SyntheticCustomers {
  /**
   * One company's details as typed.
   *
   * @param creditCode empty when the company has none on file
   */
  record Customer(String name, List<String> phones, List<String> emails, String creditCode) {}

  static final String[] REGIONS = {"北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉",
      "西安", "长沙", "郑州", "青岛", "厦门", "宁波", "合肥", "福州", "济南", "沈阳", "大连", "哈尔滨", "长春", "昆明", "贵阳",
      "南宁", "南昌", "太原", "石家庄", "兰州", "无锡", "佛山", "东莞", "珠海"};

  /** Area codes of {@link #REGIONS}, index for index. */
  private static final String[] AREA_CODES = {"010", "021", "022", "023", "020", "0755", "0571", "025", "0512", "028",
      "027", "029", "0731", "0371", "0532", "0592", "0574", "0551", "0591", "0531", "024", "0411", "0451", "0431",
      "0871", "0851", "0771", "0791", "0351", "0311", "0931", "0510", "0757", "0769", "0756"};

  /** Administrative division codes (the 3rd–8th characters of a credit code), index for index with {@link #REGIONS}. */
  private static final String[] DIVISIONS = {"110000", "310000", "120000", "500000", "440100", "440300", "330100",
      "320100", "320500", "510100", "420100", "610100", "430100", "410100", "370200", "350200", "330200", "340100",
      "350100", "370100", "210100", "210200", "230100", "220100", "530100", "520100", "450100", "360100", "140100",
      "130100", "620100", "320200", "440600", "441900", "440400"};

  static final String BRAND_CHARACTERS =
      "华振恒鑫瑞泰祥宏兴盛达源博鼎海天润嘉德信安康永丰银金亿宇星辰鹏飞龙凯弘远明新诚晟昊宸卓越腾睿智联合创汇通佳荣富豪";

  private static final String[] BRAND_PINYIN = {"hua", "zhen", "heng", "xin", "rui", "tai", "xiang", "hong", "xing",
      "sheng", "da", "yuan", "bo", "ding", "hai", "tian", "run", "jia", "de", "xin", "an", "kang", "yong", "feng", "yin",
      "jin", "yi", "yu", "xing", "chen", "peng", "fei", "long", "kai", "hong", "yuan", "ming", "xin", "cheng", "sheng",
      "hao", "chen", "zhuo", "yue", "teng", "rui", "zhi", "lian", "he", "chuang", "hui", "tong", "jia", "rong", "fu",
      "hao"};

  static final String[] TRADES = {"科技", "信息技术", "网络科技", "电子商务", "贸易", "国际贸易", "物流", "供应链管理", "建筑工程",
      "建设工程", "装饰工程", "医药", "生物科技", "医疗器械", "电子", "机械设备", "重工", "汽车零部件", "新能源", "环保科技",
      "餐饮管理", "酒店管理", "文化传媒", "广告", "教育科技", "咨询", "企业管理咨询", "投资", "资产管理", "房地产开发", "物业管理",
      "食品", "农业发展", "化工", "材料科技", "纺织", "服饰", "家居", "软件", "数据科技"};

  private static final String[] TRADE_ABBREVIATIONS = {"tech", "it", "net", "ec", "trade", "intl", "logistics", "scm",
      "build", "cons", "deco", "pharm", "bio", "med", "elec", "mach", "hi", "auto", "ne", "env", "food", "hotel",
      "media", "ad", "edu", "consult", "mgmt", "invest", "am", "re", "pm", "foods", "agri", "chem", "mat", "tex",
      "fashion", "home", "soft", "data"};

  static final String[] CHINESE_FORMS = {"有限公司", "有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司",
      "集团有限公司", "（集团）股份有限公司"};

  static final String[] CITIES = {"Shanghai", "Beijing", "Shenzhen", "Guangzhou", "Hong Kong", "Singapore", "London",
      "New York", "Toronto", "Sydney", "Tokyo", "Berlin", "Hangzhou", "Suzhou", "Chengdu", "Wuhan", "Xiamen", "Dalian",
      "Qingdao", "Tianjin"};

  static final String[] FIRST_WORDS = {"Golden", "Silver", "Blue", "Green", "Red", "Pacific", "Atlantic", "Northern",
      "Southern", "Eastern", "Western", "Global", "United", "Pioneer", "Summit", "Apex", "Vertex", "Horizon", "Harbor",
      "River", "Mountain", "Ocean", "Star", "Sun", "Moon", "Eagle", "Falcon", "Phoenix", "Dragon", "Lion", "Tiger",
      "Crown", "Royal", "Imperial", "Liberty", "Victory", "Prime", "Alpha", "Omega", "Delta", "Sigma", "Nova",
      "Stellar", "Bright", "Clear", "Swift", "Rapid", "Smart", "Jade", "Lotus", "Orchid", "Bamboo", "Cedar", "Maple",
      "Oak", "Pine", "Coral", "Amber", "Ivory", "Onyx"};

  static final String[] SECOND_WORDS = {"Bridge", "Gate", "Point", "Peak", "Valley", "Field", "Stone", "Wood", "Lake",
      "Bay", "Coast", "Ridge", "Crest", "Path", "Way", "Line", "Link", "Wave", "Light", "Fire", "Wind", "Rock", "Hill",
      "Park", "Tree", "Leaf", "Hawk", "Wolf", "Bear", "Fox", "Port", "Harbour", "Island", "Spring", "Forest", "Meadow",
      "Castle", "Tower", "Crossing", "Haven"};

  static final String[] ENGLISH_TRADES = {"Trading", "Logistics", "Technologies", "Consulting", "Industries",
      "Holdings", "Capital", "Partners", "Systems", "Solutions", "Networks", "Foods", "Pharmaceuticals", "Electronics",
      "Machinery", "Engineering", "Construction", "Textiles", "Media", "Ventures", "Software", "Analytics", "Energy",
      "Materials", "Chemicals", "Healthcare", "Supply", "Manufacturing", "Shipping", "Services"};

  static final String[] ENGLISH_FORMS = {"Inc.", "Ltd.", "Co., Ltd.", "LLC", "GmbH", "Corp.", "Corporation", "Limited",
      "plc", "Pte. Ltd.", "S.A.", "AG", "Company"};

  private static final String[] FREE_MAIL = {"qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "gmail.com",
      "outlook.com", "hotmail.com", "yahoo.com", "aliyun.com"};

  private static final String[] NANP_AREAS = {"415", "212", "646", "310", "617", "312", "206", "416", "604"};

  private final long seed;

  SyntheticCustomers(long seed) {
    this.seed = seed;
  }

  /** Account {@code i}'s details. */
  Customer customer(int i) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    return random.nextInt(10) < 6 ? chinese(i, random) : english(i, random);
  }

  private static Customer chinese(int i, SplittableRandom random) {
    int region = random.nextInt(REGIONS.length);
    int b1 = random.nextInt(BRAND_CHARACTERS.length());
    int b2 = random.nextInt(BRAND_CHARACTERS.length());
    int trade = random.nextInt(TRADES.length);
    String name = REGIONS[region] + BRAND_CHARACTERS.charAt(b1) + BRAND_CHARACTERS.charAt(b2) + TRADES[trade]
        + CHINESE_FORMS[random.nextInt(CHINESE_FORMS.length)];
    if (random.nextInt(20) == 0) {
      name += REGIONS[random.nextInt(REGIONS.length)] + "分公司";
    }
    List<String> phones = new ArrayList<>();
    phones.add(writtenMobile(random));
    if (random.nextBoolean()) {
      phones.add(AREA_CODES[region] + "-" + (2 + random.nextInt(8)) + digits(random, 7));
    }
    String domain = BRAND_PINYIN[b1] + BRAND_PINYIN[b2] + "-" + TRADE_ABBREVIATIONS[trade] + "-"
        + Integer.toString(i, 36) + (random.nextBoolean() ? ".com" : ".com.cn");
    List<String> emails = emails(random, domain);
    String creditCode = random.nextInt(10) < 7 ? creditCode(random, DIVISIONS[region]) : "";
    return new Customer(name, phones, emails, creditCode);
  }

  private static Customer english(int i, SplittableRandom random) {
    StringBuilder name = new StringBuilder();
    if (random.nextInt(10) < 7) {
      name.append(CITIES[random.nextInt(CITIES.length)]).append(' ');
    }
    String first = FIRST_WORDS[random.nextInt(FIRST_WORDS.length)];
    String second = SECOND_WORDS[random.nextInt(SECOND_WORDS.length)];
    name.append(first).append(' ').append(second).append(' ')
        .append(ENGLISH_TRADES[random.nextInt(ENGLISH_TRADES.length)]).append(' ')
        .append(ENGLISH_FORMS[random.nextInt(ENGLISH_FORMS.length)]);
    List<String> phones = new ArrayList<>();
    phones.add(random.nextBoolean() ? writtenMobile(random) : foreignNumber(random));
    String domain = (first + second).toLowerCase(java.util.Locale.ROOT) + Integer.toString(i, 36)
        + (random.nextBoolean() ? ".com" : ".co");
    return new Customer(name.toString(), phones, emails(random, domain), "");
  }

  /** A mainland mobile in one of the ways people write them. */
  static String writtenMobile(SplittableRandom random) {
    String digits = "1" + (3 + random.nextInt(7)) + digits(random, 9);
    return switch (random.nextInt(4)) {
      case 0 -> digits;
      case 1 -> digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
      case 2 -> "+86 " + digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
      default -> "0086" + digits;
    };
  }

  /** A number of one of the other table regions, written internationally. */
  static String foreignNumber(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> "+1 (" + NANP_AREAS[random.nextInt(NANP_AREAS.length)] + ") " + (2 + random.nextInt(8))
          + digits(random, 2) + "-" + digits(random, 4);
      case 1 -> "+44 20 " + (random.nextBoolean() ? "7" : "3") + digits(random, 3) + " " + digits(random, 4);
      case 2 -> "+65 " + "689".charAt(random.nextInt(3)) + digits(random, 3) + " " + digits(random, 4);
      case 3 -> "+852 " + "23569".charAt(random.nextInt(5)) + digits(random, 3) + " " + digits(random, 4);
      case 4 -> "+49 30 " + digits(random, 8);
      default -> "+81 3-" + digits(random, 4) + "-" + digits(random, 4);
    };
  }

  private static List<String> emails(SplittableRandom random, String domain) {
    List<String> emails = new ArrayList<>();
    if (random.nextInt(10) < 7) {
      emails.add((random.nextBoolean() ? "sales@" : "info@") + domain);
    }
    if (random.nextInt(10) < 3) {
      emails.add("contact" + digits(random, 6) + "@" + FREE_MAIL[random.nextInt(FREE_MAIL.length)]);
    }
    return emails;
  }

  /** A valid code: legal-person company (91), the region's division, and a random organisation code. */
  static String creditCode(SplittableRandom random, String division) {
    StringBuilder code = new StringBuilder("91").append(division);
    for (int k = 0; k < 9; k++) {
      code.append(UnifiedSocialCreditCode.ALPHABET.charAt(random.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
    }
    return code.append(UnifiedSocialCreditCode.checkCharacter(code)).toString();
  }

  static String digits(SplittableRandom random, int n) {
    StringBuilder out = new StringBuilder(n);
    for (int k = 0; k < n; k++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }
}
