package dev.relay.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for reports, aligned by display width: CJK characters take two terminal columns, so counting
 * characters would misalign bilingual labels.
 */
final class TextTable {
  private final List<String> headers;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /** The first {@code textColumns} columns are left-aligned, the rest right-aligned (they hold figures). */
  TextTable(List<String> headers, int textColumns) {
    this.headers = List.copyOf(headers);
    this.rightAligned = new boolean[headers.size()];
    for (int i = textColumns; i < rightAligned.length; i++) {
      rightAligned[i] = true;
    }
  }

  void row(List<String> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.size());
    }
    rows.add(List.copyOf(cells));
  }

  String render() {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = width(headers.get(c));
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], width(row.get(c)));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    int total = 0;
    for (int w : widths) {
      total += w;
    }
    out.append("-".repeat(total + 2 * (widths.length - 1))).append('\n');
    for (List<String> row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[c] - width(cells.get(c)));
      line.append(rightAligned[c] ? pad + cells.get(c) : cells.get(c) + pad);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  /** Terminal columns the text takes: two for East Asian wide characters, one for the rest. */
  static int width(String text) {
    return text.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
  }

  private static boolean isWide(int cp) {
    return cp >= 0x1100 && cp <= 0x115F
        || cp >= 0x2E80 && cp <= 0xA4CF
        || cp >= 0xAC00 && cp <= 0xD7A3
        || cp >= 0xF900 && cp <= 0xFAFF
        || cp >= 0xFE30 && cp <= 0xFE4F
        || cp >= 0xFF00 && cp <= 0xFF60
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x20000 && cp <= 0x3FFFD;
  }

  /** A duration the way people read dwell times: {@code 3d 4h}, {@code 5h 30m}, {@code 45m}, {@code 20s}. */
  static String duration(Duration d) {
    long seconds = d.getSeconds();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    if (days > 0) {
      return days + "d" + (hours > 0 ? " " + hours + "h" : "");
    }
    if (hours > 0) {
      return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
    }
    return minutes > 0 ? minutes + "m" : seconds + "s";
  }
}
