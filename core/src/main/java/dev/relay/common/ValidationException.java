package dev.relay.common;

import java.util.List;
import java.util.stream.Collectors;

/** Invalid input or configuration; lists every problem found, each with its path. */
public final class ValidationException extends RelayException {
  private static final long serialVersionUID = 1L;

  public ValidationException(List<Problem> problems) {
    super(ErrorCode.VALIDATION_FAILED, render(problems), problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one problem");
    }
  }

  public static ValidationException of(String path, String message) {
    return new ValidationException(List.of(new Problem(path, message)));
  }

  private static String render(List<Problem> problems) {
    if (problems.size() == 1) {
      return problems.get(0).toString();
    }
    return problems.size() + " problems:\n  "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
  }
}
