package io.openhire.training.datasets;

import io.openhire.tagging.TaggedSentence;

/**
 * One labelled unit of a dataset: a sentence of a job ad (CoNLL, JSONL), or a whole resume (annotated XML),
 * as words with one BIO tag each.
 *
 * @param text the resume's text, for a tagger that reads its layout (lines, sections); null for a sentence
 */
public record Labelled(TaggedSentence sentence, String text) {}
