package io.openhire.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sparse features of each word of a sentence, hashed into {@code 2^bits} buckets: the word, its
 * shape, prefixes and suffixes, its neighbours two words either side, word pairs, and what a dictionary
 * (the skills taxonomy) says of the word. The same code computes them when training and when tagging, so
 * a model and its features cannot drift apart.
 */
public final class WordFeatures {

    /** Tags words with what a dictionary knows ({@code B}/{@code I} of a known phrase), or null. */
    @FunctionalInterface
    public interface Dictionary {
        /** One entry per word: null, or a short tag such as "B" or "I". */
        String[] tag(List<String> words);
    }

    /** What a lexicon says of a lower-case word ("starts many skill names"), as short class names. */
    @FunctionalInterface
    public interface WordClasses {
        List<String> of(String lowerCaseWord);
    }

    private final int bits;
    private final int mask;
    private final Dictionary dictionary;
    private final WordClasses classes;

    public WordFeatures(int bits, Dictionary dictionary) {
        this(bits, dictionary, w -> List.of());
    }

    public WordFeatures(int bits, Dictionary dictionary, WordClasses classes) {
        if (bits < 10 || bits > 26) {
            throw new IllegalArgumentException("bits must be 10..26");
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.dictionary = dictionary;
        this.classes = classes;
    }

    public int bits() {
        return bits;
    }

    public int[][] of(List<String> words) {
        return of(words, null);
    }

    /**
     * @param extra features the caller knows of each word (its line, its section: the layout a resume's
     *     words stand in), or null
     */
    public int[][] of(List<String> words, List<List<String>> extra) {
        int n = words.size();
        String[] lower = new String[n];
        String[] shape = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = words.get(i).toLowerCase(Locale.ROOT);
            shape[i] = shape(words.get(i));
        }
        String[] known = dictionary == null ? new String[n] : dictionary.tag(words);
        int[][] features = new int[n][];
        List<String> f = new ArrayList<>(40);
        for (int i = 0; i < n; i++) {
            f.clear();
            String w = lower[i];
            f.add("bias");
            f.add("w=" + w);
            f.add("s=" + shape[i]);
            f.add("p2=" + prefix(w, 2));
            f.add("p3=" + prefix(w, 3));
            f.add("x2=" + suffix(w, 2));
            f.add("x3=" + suffix(w, 3));
            f.add("x4=" + suffix(w, 4));
            f.add("len=" + Math.min(w.length(), 12));
            if (i == 0) {
                f.add("first");
            }
            if (i == n - 1) {
                f.add("last");
            }
            for (int d = -2; d <= 2; d++) {
                if (d == 0) {
                    continue;
                }
                int j = i + d;
                String word = j < 0 ? "<s>" : j >= n ? "</s>" : lower[j];
                f.add("w" + d + "=" + word);
                if (d == -1 || d == 1) {
                    f.add("s" + d + "=" + (j < 0 || j >= n ? word : shape[j]));
                    f.add("x3" + d + "=" + (j < 0 || j >= n ? word : suffix(word, 3)));
                }
            }
            f.add("w-1w=" + (i > 0 ? lower[i - 1] : "<s>") + "|" + w);
            f.add("ww+1=" + w + "|" + (i + 1 < n ? lower[i + 1] : "</s>"));
            String k = known[i];
            String kPrev = i > 0 ? known[i - 1] : "<s>";
            String kNext = i + 1 < n ? known[i + 1] : "</s>";
            f.add("k=" + k);
            f.add("k-1=" + kPrev + "|k=" + k);
            f.add("k+1=" + kNext + "|k=" + k);
            if (k != null) {
                f.add("k=" + k + "|s=" + shape[i]);
            }
            for (int d = -1; d <= 1; d++) {
                int j = i + d;
                if (j >= 0 && j < n) {
                    for (String c : classes.of(lower[j])) {
                        f.add("c" + d + "=" + c);
                    }
                }
            }
            if (extra != null) {
                f.addAll(extra.get(i));
            }
            int[] ids = new int[f.size()];
            for (int x = 0; x < ids.length; x++) {
                ids[x] = hash(f.get(x));
            }
            features[i] = ids;
        }
        return features;
    }

    int hash(String feature) {
        int h = feature.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & mask;
    }

    /** "Java" → "Xx", "C++" → "X+", "2019" → "d", "e-mail" → "x-x": runs of a character class, once. */
    static String shape(String word) {
        StringBuilder s = new StringBuilder(8);
        char last = 0;
        for (int i = 0; i < word.length() && s.length() < 8; i++) {
            char c = word.charAt(i);
            char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (k != last) {
                s.append(k);
                last = k;
            }
        }
        return s.toString();
    }

    private static String prefix(String w, int n) {
        return w.length() <= n ? w : w.substring(0, n);
    }

    private static String suffix(String w, int n) {
        return w.length() <= n ? w : w.substring(w.length() - n);
    }
}
