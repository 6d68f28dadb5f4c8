package io.openhire.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * People, places and organisations as the {@link NameTagger} reads them. Its score is the tagger's confidence
 * scaled below the rules' surest cues, so a titled name or a checked number still wins an overlap.
 */
public final class LearnedNameRecogniser implements Recogniser {

    /** The tagger's confidence maps to at most this score. */
    static final double CEILING = 0.8;

    private final NameTagger tagger;

    public LearnedNameRecogniser(NameTagger tagger) {
        this.tagger = tagger;
    }

    @Override
    public java.util.Set<PiiType> types() {
        return java.util.Set.of(PiiType.PERSON, PiiType.LOCATION, PiiType.ORGANIZATION);
    }

    @Override
    public String name() {
        return "name-tagger";
    }

    @Override
    public boolean fallback() {
        return true;
    }

    @Override
    public List<PiiSpan> find(String text) {
        if (tagger == null) {
            return List.of();
        }
        List<PiiSpan> found = new ArrayList<>();
        for (NameTagger.Found span : tagger.tag(text)) {
            found.add(new PiiSpan(
                    NameTagger.type(span.type()), span.start(), span.end(), span.confidence() * CEILING, name()));
        }
        return found;
    }
}
