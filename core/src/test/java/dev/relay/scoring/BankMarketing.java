package dev.relay.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The UCI Bank Marketing history (test resource {@code bank-full.csv.gz}) as a {@link TrainingSet}: {@code y = yes}
 * is won; {@code duration} is left out because it is only known after the call.
 */
final class BankMarketing {
  static final List<String> CATEGORICAL = List.of("job", "marital", "education", "default", "housing", "loan",
      "contact", "month", "poutcome");
  static final List<String> NUMERIC = List.of("age", "balance", "day", "campaign", "pdays", "previous");

  private BankMarketing() {}

  static PredictiveSpec.Builder spec(ModelKind kind) {
    return PredictiveSpec.builder(kind)
        .categorical(CATEGORICAL.toArray(String[]::new))
        .quantiles(10, NUMERIC.toArray(String[]::new));
  }

  static TrainingSet history(List<FeatureSpec> features) {
    TrainingSet.Builder set = TrainingSet.builder(features);
    try (InputStream raw = BankMarketing.class.getResourceAsStream("bank-full.csv.gz");
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
            StandardCharsets.UTF_8))) {
      String[] header = unquote(in.readLine().split(";"));
      Instant start = Instant.parse("2008-05-05T00:00:00Z");
      int row = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = unquote(line.split(";"));
        Map<String, Object> values = new HashMap<>();
        boolean won = false;
        for (int i = 0; i < header.length; i++) {
          String column = header[i];
          if (column.equals("y")) {
            won = cells[i].equals("yes");
          } else if (NUMERIC.contains(column)) {
            values.put(column, Long.parseLong(cells[i]));
          } else if (!column.equals("duration")) {
            values.put(column, cells[i]);
          }
        }
        set.add(values, won, start.plusSeconds(3_600L * row++), null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return set.build();
  }

  private static String[] unquote(String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].replace("\"", "");
    }
    return cells;
  }
}
