package io.openhire.pii;

import java.util.List;

/** Finds one or more kinds of personal data in a text. Implementations are stateless and thread-safe. */
public interface Recogniser {

    /** The name reported with each span ("email", "credit-card"). */
    String name();

    List<PiiSpan> find(String text);

    /**
     * Whether this recogniser only fills in where the others found nothing: its spans are considered after every
     * other recogniser's, so a learned guess never displaces a checked number or a name found by its cue.
     */
    default boolean fallback() {
        return false;
    }

    /**
     * The types its spans can have (empty: any). A caller asking for other types only does not run it — matching's
     * scrubber asks for contacts and identifiers on every resume it imports, and need not run the name tagger.
     */
    default java.util.Set<PiiType> types() {
        return java.util.Set.of();
    }
}
