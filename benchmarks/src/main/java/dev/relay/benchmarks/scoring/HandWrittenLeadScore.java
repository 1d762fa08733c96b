package dev.relay.benchmarks.scoring;

import dev.relay.fields.FieldSchema;
import dev.relay.fields.FieldValues;
import dev.relay.scoring.Engagement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@link LeadScoringWorkload#model()} written directly in Java: the ceiling the compiled rules can hope to reach. It
 * reads the same {@link FieldValues} by precomputed slots, compares with precomputed constants, keeps the group caps
 * and the overall cap, and counts engagements with the same windows and limits (the most recent within a count
 * limit), in one pass over the engagements.
 */
final class HandWrittenLeadScore {
  private static final long DAY = 86_400_000L;
  /** Decay rates per millisecond for half-lives of 7, 14 and 30 days: {@code 0.5^(age / h) = e^(-age · ln 2 / h)}. */
  private static final double RATE_7 = Math.log(2) / (7 * DAY);
  private static final double RATE_14 = Math.log(2) / (14 * DAY);
  private static final double RATE_30 = Math.log(2) / (30 * DAY);
  private static final BigDecimal[] BUDGET_STEPS = new BigDecimal[LeadScoringWorkload.BUDGET_STEPS.length];

  static {
    for (int i = 0; i < BUDGET_STEPS.length; i++) {
      BUDGET_STEPS[i] = BigDecimal.valueOf(LeadScoringWorkload.BUDGET_STEPS[i]);
    }
  }

  private final int industry;
  private final int employees;
  private final int budget;
  private final int country;
  private final int source;
  private final int title;
  private final int hasPhone;
  private final int emailDomain;

  HandWrittenLeadScore(FieldSchema schema) {
    industry = schema.slotOf("industry");
    employees = schema.slotOf("employees");
    budget = schema.slotOf("budget");
    country = schema.slotOf("country");
    source = schema.slotOf("source");
    title = schema.slotOf("title");
    hasPhone = schema.slotOf("has_phone");
    emailDomain = schema.slotOf("email_domain");
  }

  double score(FieldValues lead, List<Engagement> engagements, Instant now) {
    double firmographics = 0;
    Object ind = lead.valueAt(industry);
    if (ind != null) {
      switch ((String) ind) {
        case "bank" -> firmographics += 15;
        case "insurance" -> firmographics += 12;
        case "software" -> firmographics += 10;
        case "retail" -> firmographics += 4;
        case "manufacturing" -> firmographics += 8;
        case "healthcare" -> firmographics += 6;
        case "education" -> firmographics -= 5;
        case "government" -> firmographics -= 10;
        default -> { }
      }
    }
    Object emp = lead.valueAt(employees);
    if (emp != null) {
      long e = (Long) emp;
      for (int i = 0; i < LeadScoringWorkload.EMPLOYEE_STEPS.length; i++) {
        if (e >= LeadScoringWorkload.EMPLOYEE_STEPS[i]) {
          firmographics += LeadScoringWorkload.EMPLOYEE_POINTS[i];
        }
      }
    }
    String c = (String) lead.valueAt(country);
    if (c == null) {
      firmographics -= 6;
    } else if (c.equals("CN") || c.equals("DE") || c.equals("US")) {
      firmographics += 8;
    } else if (c.equals("JP") || c.equals("FR") || c.equals("GB")) {
      firmographics += 4;
    } else if (c.equals("BR") || c.equals("IN")) {
      firmographics -= 3;
    }
    double budgetPoints = 0;
    Object b = lead.valueAt(budget);
    if (b != null) {
      BigDecimal amount = (BigDecimal) b;
      for (int i = 0; i < BUDGET_STEPS.length; i++) {
        if (amount.compareTo(BUDGET_STEPS[i]) >= 0) {
          budgetPoints += LeadScoringWorkload.BUDGET_POINTS[i];
        }
      }
    }
    double contact = 0;
    String s = (String) lead.valueAt(source);
    if (s != null) {
      switch (s) {
        case "referral" -> contact += 10;
        case "webinar" -> contact += 6;
        case "ads" -> contact += 2;
        case "cold" -> contact -= 4;
        default -> { }
      }
    }
    String t = (String) lead.valueAt(title);
    if (t != null) {
      if (t.contains("CEO")) {
        contact += 8;
      }
      if (t.contains("Director")) {
        contact += 6;
      }
      if (t.contains("Manager")) {
        contact += 4;
      }
      if (t.contains("Intern")) {
        contact -= 8;
      }
    }
    if (Boolean.TRUE.equals(lead.valueAt(hasPhone))) {
      contact += 3;
    }
    String domain = (String) lead.valueAt(emailDomain);
    if (domain != null && (domain.equals("gmail.com") || domain.equals("qq.com") || domain.equals("163.com"))) {
      contact -= 5;
    }
    double total = Math.min(firmographics, 40) + Math.min(budgetPoints, 25) + Math.min(contact, 20)
        + Math.min(engagement(engagements, now.toEpochMilli()), 40);
    return Math.min(total, 100);
  }

  private static double engagement(List<Engagement> engagements, long now) {
    int opened = 0;
    int clicked = 0;
    double v1 = 0;
    double v2 = 0;
    double v3 = 0;
    double pricing = 0;
    boolean form = false;
    double met = 0;
    int replied = 0;
    boolean unsubscribed = false;
    for (int i = 0, n = engagements.size(); i < n; i++) {
      Engagement e = engagements.get(i);
      long age = now - e.at().toEpochMilli();
      if (age < 0) {
        continue;
      }
      switch (e.signal()) {
        case "email_opened" -> opened += age < 30 * DAY ? 1 : 0;
        case "email_clicked" -> clicked += age < 30 * DAY ? 1 : 0;
        case "page_visited" -> {
          double w = Math.exp(-RATE_14 * age);
          if (w > v1) {
            v3 = v2;
            v2 = v1;
            v1 = w;
          } else if (w > v2) {
            v3 = v2;
            v2 = w;
          } else if (w > v3) {
            v3 = w;
          }
        }
        case "pricing_viewed" -> pricing = Math.max(pricing, Math.exp(-RATE_7 * age));
        case "form_submitted", "webinar_attended" -> form |= age < 60 * DAY;
        case "meeting" -> met = Math.max(met, Math.exp(-RATE_30 * age));
        case "replied" -> replied += age < 14 * DAY ? 1 : 0;
        case "unsubscribed" -> unsubscribed |= age < 365 * DAY;
        default -> { }
      }
    }
    return 2 * Math.min(opened, 3) + 4 * Math.min(clicked, 2) + 3 * (v1 + v2 + v3) + 8 * pricing + (form ? 10 : 0)
        + 15 * met + 6 * Math.min(replied, 2) + (unsubscribed ? -20 : 0);
  }
}
