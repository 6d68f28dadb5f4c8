package io.openhire.pii;

import java.util.List;

/** Finds one or more kinds of personal data in a text. Implementations are stateless and thread-safe. */
public interface Recogniser {

    /** The name reported with each span ("email", "credit-card"). */
    String name();

    List<PiiSpan> find(String text);
}
