package io.openhire.tagging;

import java.util.List;

/**
 * A sentence as words with one BIO tag each ({@code O}, {@code B-Skill}, {@code I-Skill}, ...).
 *
 * @param line the 1-based line of the file where the sentence starts (0 when it did not come from a file)
 */
public record TaggedSentence(List<String> words, List<String> tags, int line) {

    public TaggedSentence {
        words = List.copyOf(words);
        tags = List.copyOf(tags);
        if (words.size() != tags.size()) {
            throw new IllegalArgumentException("a sentence needs one tag per word");
        }
    }

    public int size() {
        return words.size();
    }

    /** The labelled spans of this sentence. */
    public List<TokenSpan> spans() {
        return TokenSpan.fromTags(tags);
    }
}
