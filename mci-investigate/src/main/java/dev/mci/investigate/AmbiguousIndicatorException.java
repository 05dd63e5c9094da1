package dev.mci.investigate;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input could be more than one kind of indicator and nothing decided between them: the caller
 * must choose one of {@link #choices()} (on the command line, with {@code --type}).
 */
public final class AmbiguousIndicatorException extends InvestigationException {

  private static final long serialVersionUID = 1L;

  private final String input;
  private final transient List<IndicatorType> choices;

  /**
   * @param input the indicator as given
   * @param choices the types it could be, in order of preference
   * @param reason why the data did not decide, e.g. {@code the address both sent and received mail
   *     in the window}
   */
  public AmbiguousIndicatorException(String input, List<IndicatorType> choices, String reason) {
    super(compose(input, choices, reason), null);
    this.input = input;
    this.choices = List.copyOf(choices);
  }

  private static String compose(String input, List<IndicatorType> choices, String reason) {
    String listed =
        choices.stream()
            .map(t -> "--type " + t.cliName() + " (" + t.description() + ")")
            .collect(Collectors.joining(", "));
    return "'" + input + "' is ambiguous (" + reason + "); choose one: " + listed;
  }

  /** The indicator as given. */
  public String input() {
    return input;
  }

  /** The types it could be. */
  public List<IndicatorType> choices() {
    return choices == null ? List.of() : choices;
  }
}
