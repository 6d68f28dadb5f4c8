package io.openhire.jobingestion.normalisation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * 64-bit SimHash (Charikar) over the words and word pairs of a posting's normalised text: postings that differ
 * by a few words (the same job on two boards, a repost with a new date) get fingerprints a few bits
 * apart; different jobs land about 32 bits apart. Near duplicates are then linked to one canonical job.
 */
public final class SimHash {

    /** At most this many differing bits is the same posting (a few edited words in a short ad stay within it). */
    public static final int NEAR_DUPLICATE_BITS = 6;

    private SimHash() {}

    public static long of(String text) {
        String[] words = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} ]", " ")
                .trim()
                .split("\\s+");
        // Features: every word and every pair of neighbouring words, each voting once per occurrence.
        int[] votes = new int[64];
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            vote(votes, fnv1a64(words[i]));
            if (i + 1 < words.length) {
                vote(votes, fnv1a64(words[i] + ' ' + words[i + 1]));
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    private static void vote(int[] votes, long hash) {
        for (int bit = 0; bit < 64; bit++) {
            votes[bit] += ((hash >>> bit) & 1) == 1 ? 1 : -1;
        }
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** Candidates: fingerprints close enough to be worth comparing word by word. */
    public static boolean candidates(long a, long b) {
        return distance(a, b) <= NEAR_DUPLICATE_BITS;
    }

    /** Word 3-shingles shared by two texts (Jaccard): the check after the fingerprint prefilter. */
    public static double overlap(String a, String b) {
        java.util.Set<String> x = shingles(a);
        java.util.Set<String> y = shingles(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        java.util.Set<String> common = new java.util.HashSet<>(x);
        common.retainAll(y);
        return (double) common.size() / (x.size() + y.size() - common.size());
    }

    /**
     * The same posting: same employer (when both name one), close fingerprints, and at least 80% of
     * their word 3-shingles shared. Different levels or teams of one employer stay apart when their
     * texts differ by more than a few lines.
     */
    public static boolean nearDuplicates(String employerA, String textA, String employerB, String textB) {
        String keyA = Employers.key(employerA);
        String keyB = Employers.key(employerB);
        if (keyA != null && keyB != null && !keyA.equals(keyB)) {
            return false;
        }
        return candidates(of(textA), of(textB)) && overlap(textA, textB) >= 0.8;
    }

    private static java.util.Set<String> shingles(String text) {
        String[] words = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} ]", " ")
                .trim()
                .split("\\s+");
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i + 2 < words.length; i++) {
            out.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
        }
        if (out.isEmpty() && words.length > 0 && !words[0].isEmpty()) {
            out.add(String.join(" ", words));
        }
        return out;
    }

    /** FNV-1a: fast, well spread, and the same on every JVM (unlike String.hashCode widened). */
    static long fnv1a64(String s) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        // Finalise (murmur3 fmix64) so that the 64 bits vote independently.
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
