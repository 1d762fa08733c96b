package dev.relay.pipeline;

import org.jspecify.annotations.Nullable;

/** What kind of step a {@link StageTransition} records. */
public enum TransitionKind {
  /** The deal was created in its first stage. */
  CREATED("created"),
  /** The deal moved forward to the next stage. */
  ADVANCED("advanced"),
  /** The deal jumped forward over one or more skippable stages. */
  SKIPPED("skipped"),
  /** The deal went back to an earlier stage. */
  MOVED_BACK("moved_back"),
  /**
   * The deal was won: either it entered the pipeline's won stage (then {@code from} is the stage it left) or, in a
   * pipeline without one, it was closed as won where it stood ({@code from} equals {@code to}).
   */
  WON("won"),
  /** The deal was lost where it stood ({@code from} equals {@code to}). */
  LOST("lost"),
  /** A lost deal was reopened into a stage. */
  REOPENED("reopened");

  private final String jsonName;

  TransitionKind(String jsonName) {
    this.jsonName = jsonName;
  }

  public String jsonName() {
    return jsonName;
  }

  public static @Nullable TransitionKind fromJson(String name) {
    for (TransitionKind k : values()) {
      if (k.jsonName.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
