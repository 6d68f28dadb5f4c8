package io.openhire.bench.finetune;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.openhire.tagging.Conll;
import io.openhire.tagging.TaggedSentence;
import io.openhire.tagging.TokenSpan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CoNLL sentences as word-piece sequences for the tagger: each word's pieces come from tokenizing the word
 * alone; a sentence longer than {@link #MAX_PIECES} (with [CLS] and [SEP]) is cut at word boundaries into
 * chunks that are encoded separately.
 */
public final class Data {

    public static final int MAX_PIECES = 128;
    public static final long CLS = 101;
    public static final long SEP = 102;
    public static final long UNK = 100;
    /** Label ids: the head's three outputs. */
    public static final int O = 0;
    public static final int B = 1;
    public static final int I = 2;
    public static final String[] TAGS = {"O", "B-Skill", "I-Skill"};

    /** One chunk of a sentence: its pieces with [CLS]/[SEP], the piece of each word's start, the word labels. */
    public record Chunk(int sentence, int firstWord, long[] ids, int[] wordStarts, int[] labels) {
        public int words() {
            return wordStarts.length;
        }
    }

    /** A scored corpus: sentences, their chunks and the gold spans of every tag column (as the project scores). */
    public record Corpus(String name, List<TaggedSentence> sentences, List<Chunk> chunks, List<List<TokenSpan>> gold) {

        public long pieces() {
            long n = 0;
            for (Chunk c : chunks) {
                n += c.ids().length;
            }
            return n;
        }

        public long words() {
            long n = 0;
            for (TaggedSentence s : sentences) {
                n += s.size();
            }
            return n;
        }

        /** The sentences i with {@code i % folds == fold} (or the others), renumbered, gold kept aligned. */
        public Corpus fold(int fold, int folds, boolean heldOut, WordPieces pieces) {
            List<TaggedSentence> s = new ArrayList<>();
            List<List<TokenSpan>> g = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) {
                if ((i % folds == fold) == heldOut) {
                    s.add(sentences.get(i));
                    g.add(gold.get(i));
                }
            }
            return new Corpus(name + (heldOut ? " fold " : " minus fold ") + (fold + 1), s, pieces.chunks(s), g);
        }
    }

    /** Word → word-piece ids, cached. */
    public static final class WordPieces {
        private final HuggingFaceTokenizer tokenizer;
        private final Map<String, long[]> cache = new HashMap<>();

        public WordPieces(HuggingFaceTokenizer tokenizer) {
            this.tokenizer = tokenizer;
        }

        public long[] of(String word) {
            return cache.computeIfAbsent(word, w -> {
                long[] ids = tokenizer.encode(w, false, false).getIds();
                return ids.length == 0 ? new long[] {UNK} : ids;
            });
        }

        public List<Chunk> chunks(List<TaggedSentence> sentences) {
            List<Chunk> chunks = new ArrayList<>();
            for (int s = 0; s < sentences.size(); s++) {
                TaggedSentence sentence = sentences.get(s);
                int start = 0;
                while (start < sentence.size()) {
                    List<Long> ids = new ArrayList<>();
                    ids.add(CLS);
                    List<Integer> starts = new ArrayList<>();
                    int w = start;
                    while (w < sentence.size()) {
                        long[] p = of(sentence.words().get(w));
                        int room = MAX_PIECES - 1 - ids.size();
                        if (p.length > room) {
                            if (!starts.isEmpty()) {
                                break;
                            }
                            p = java.util.Arrays.copyOf(p, room); // one enormous word: keep its first pieces
                        }
                        starts.add(ids.size());
                        for (long id : p) {
                            ids.add(id);
                        }
                        w++;
                    }
                    ids.add(SEP);
                    int[] labels = new int[starts.size()];
                    for (int i = 0; i < labels.length; i++) {
                        String tag = sentence.tags().get(start + i);
                        labels[i] = tag.startsWith("B-") ? B : tag.startsWith("I-") ? I : O;
                    }
                    chunks.add(new Chunk(
                            s,
                            start,
                            ids.stream().mapToLong(Long::longValue).toArray(),
                            starts.stream().mapToInt(Integer::intValue).toArray(),
                            labels));
                    start = w;
                }
            }
            return chunks;
        }
    }

    public static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    public static Corpus corpus(String name, List<Path> files, WordPieces pieces) throws IOException {
        List<TaggedSentence> sentences = new ArrayList<>();
        List<List<TokenSpan>> gold = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = lines(file);
            sentences.addAll(Conll.parse(lines));
            gold.addAll(Conll.columnSpans(lines));
        }
        if (sentences.size() != gold.size()) {
            throw new IllegalStateException(name + ": " + sentences.size() + " sentences but " + gold.size() + " gold lists");
        }
        return new Corpus(name, sentences, pieces.chunks(sentences), gold);
    }

    /** Word tags of each sentence from the predicted label of each chunk's words → spans. */
    public static List<List<TokenSpan>> spans(Corpus corpus, Map<Chunk, int[]> predicted) {
        List<List<String>> tags = new ArrayList<>();
        for (TaggedSentence s : corpus.sentences()) {
            tags.add(new ArrayList<>(java.util.Collections.nCopies(s.size(), "O")));
        }
        for (Chunk c : corpus.chunks()) {
            int[] labels = predicted.get(c);
            for (int i = 0; i < labels.length; i++) {
                tags.get(c.sentence()).set(c.firstWord() + i, TAGS[labels[i]]);
            }
        }
        List<List<TokenSpan>> spans = new ArrayList<>();
        for (List<String> t : tags) {
            spans.add(TokenSpan.fromTags(t)); // an I- after O starts a span, as the project reads BIO
        }
        return spans;
    }
}
