package dev.relay.playbook;

/** Reads and writes the JSON form of a playbook. */
public final class PlaybookJson {
  private PlaybookJson() {}

  /** @throws dev.relay.common.ValidationException listing every problem with its path */
  public static Playbook read(String json) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The canonical JSON form: the same playbook always gives the same text. */
  public static String write(Playbook playbook) {
    throw new UnsupportedOperationException("TODO");
  }
}
