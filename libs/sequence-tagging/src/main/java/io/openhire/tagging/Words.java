package io.openhire.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into words the way the CoNLL skill corpora are cut: runs of letters and digits, keeping
 * {@code . + # - ' /} inside a word or {@code + #} at its end (Node.js, C++, C#, e-mail, CI/CD), and
 * every other visible character as a word of its own. Offsets point into the text.
 */
public final class Words {

    public record Word(String text, int start, int end) {}

    private Words() {}

    public static List<Word> of(String text) {
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                words.add(new Word(text.substring(i, i + 1), i, i + 1));
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char x = text.charAt(i);
                if (Character.isLetterOrDigit(x)) {
                    i++;
                } else if ((x == '.' || x == '-' || x == '\'' || x == '/' || x == '+' || x == '#')
                        && i + 1 < n
                        && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else if ((x == '+' || x == '#') && (i + 1 == n || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
                    i++;
                    while (i < n && text.charAt(i) == '+') {
                        i++;
                    }
                    break;
                } else {
                    break;
                }
            }
            words.add(new Word(text.substring(start, i), start, i));
        }
        return words;
    }

    public static List<String> texts(List<Word> words) {
        List<String> texts = new ArrayList<>(words.size());
        for (Word w : words) {
            texts.add(w.text());
        }
        return texts;
    }
}
