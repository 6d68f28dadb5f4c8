package io.openhire.skills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The skills taxonomy: a versioned resource ({@code openhire/skills/taxonomy-v<N>.tsv}, built by
 * {@code TaxonomyBuilder} from O*NET and ESCO plus the project's aliases) and a matcher that finds its
 * skills in free text.
 *
 * <p>Matching works on tokens (letters, digits and the characters that belong inside technology names:
 * {@code + # . / -}), tries the longest phrase first (up to {@link #maxPhraseTokens()} tokens), and
 * never matches inside a word. Lookups are hash-map probes, so a resume of a few thousand words is
 * matched in well under a millisecond.
 */
public final class SkillsTaxonomy {

    public static final String RESOURCE = "openhire/skills/taxonomy-v1.tsv";

    private final String version;
    private final List<Skill> skills;
    private final Map<String, Skill> byId = new HashMap<>();
    private final Map<String, Skill> byFoldedPhrase = new HashMap<>();
    private final Map<String, Skill> byExactPhrase = new HashMap<>();
    private final int maxPhraseTokens;
    /** Every proper prefix (in tokens) of every phrase, lower-cased: a text position that starts none stops early. */
    private final java.util.Set<String> prefixes = new java.util.HashSet<>();

    private SkillsTaxonomy(String version, List<Skill> skills) {
        this.version = version;
        this.skills = List.copyOf(skills);
        int longest = 1;
        for (Skill skill : skills) {
            byId.put(skill.id(), skill);
            for (String form : foldedForms(skill)) {
                String key = phraseKey(form, true);
                if (!key.isEmpty()) {
                    // Curated and earlier (more specific) entries win over later ones.
                    byFoldedPhrase.putIfAbsent(key, skill);
                    longest = Math.max(longest, key.split(" ").length);
                }
            }
            for (String form : skill.exactAliases()) {
                byExactPhrase.putIfAbsent(phraseKey(form, false), skill);
            }
        }
        this.maxPhraseTokens = longest;
        for (String key : byFoldedPhrase.keySet()) {
            addPrefixes(key);
        }
        for (String key : byExactPhrase.keySet()) {
            addPrefixes(key.toLowerCase(Locale.ROOT));
        }
    }

    private void addPrefixes(String key) {
        int space = key.indexOf(' ');
        while (space > 0) {
            prefixes.add(key.substring(0, space));
            space = key.indexOf(' ', space + 1);
        }
    }

    private static List<String> foldedForms(Skill skill) {
        List<String> forms = new ArrayList<>();
        forms.add(skill.name());
        forms.addAll(skill.aliases());
        return forms;
    }

    /** The taxonomy shipped with this version of OpenHire. */
    public static SkillsTaxonomy load() {
        return Holder.DEFAULT;
    }

    private static final class Holder {
        static final SkillsTaxonomy DEFAULT = read(RESOURCE);
    }

    static SkillsTaxonomy read(String resource) {
        InputStream in = SkillsTaxonomy.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing skills taxonomy resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the TSV format written by {@code TaxonomyBuilder}: {@code # version=...} then one skill a line. */
    public static SkillsTaxonomy parse(List<String> lines) {
        String version = "unknown";
        List<Skill> skills = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# version=")) {
                version = line.substring("# version=".length()).strip();
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            skills.add(
                    new Skill(f[0], f[1], Skill.Kind.valueOf(f[2]), f[3], split(f[4]), split(f[5]), "1".equals(f[6])));
        }
        return new SkillsTaxonomy(version, skills);
    }

    private static List<String> split(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split("\\|"));
    }

    public String version() {
        return version;
    }

    public Collection<Skill> skills() {
        return skills;
    }

    public Optional<Skill> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int maxPhraseTokens() {
        return maxPhraseTokens;
    }

    /** The skill a phrase names, if any ("k8s" → Kubernetes, "Structured Query Language" → SQL). */
    public Optional<Skill> lookup(String phrase) {
        Skill folded = byFoldedPhrase.get(phraseKey(phrase, true));
        return Optional.ofNullable(folded != null ? folded : byExactPhrase.get(phraseKey(phrase, false)));
    }

    /**
     * What the taxonomy says of each word of a tokenised sentence: "B" for the first word of a skill name
     * it finds there, "I" for the others, null elsewhere (a feature for learned taggers).
     */
    public String[] tagWords(List<String> words) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(words.get(i));
        }
        String[] tags = new String[words.size()];
        int w = 0;
        for (SkillMatch match : find(text.toString())) {
            while (w < words.size() && starts[w] < match.start()) {
                w++;
            }
            for (int i = w; i < words.size() && starts[i] < match.end(); i++) {
                tags[i] = i == w ? "B" : "I";
            }
        }
        return tags;
    }

    /**
     * How often a lower-case word starts ("head1".."head3", by order of magnitude) or appears in
     * ("any1".."any3") skill names: "manage" and "develop" start hundreds, "data" appears in hundreds.
     */
    public List<String> wordRoles(String lowerCaseWord) {
        if (headCounts == null) {
            countWords();
        }
        List<String> roles = new ArrayList<>(2);
        int head = headCounts.getOrDefault(lowerCaseWord, 0);
        int any = anyCounts.getOrDefault(lowerCaseWord, 0);
        if (head > 0) {
            roles.add("head" + magnitude(head));
        }
        if (any > 0) {
            roles.add("any" + magnitude(any));
        }
        return roles;
    }

    private volatile Map<String, Integer> headCounts;
    private volatile Map<String, Integer> anyCounts;

    private synchronized void countWords() {
        if (headCounts != null) {
            return;
        }
        Map<String, Integer> heads = new HashMap<>();
        Map<String, Integer> anywhere = new HashMap<>();
        for (Skill skill : skills) {
            String[] words = skill.name().toLowerCase(Locale.ROOT).split("\\s+");
            heads.merge(words[0], 1, Integer::sum);
            for (String word : words) {
                anywhere.merge(word, 1, Integer::sum);
            }
        }
        anyCounts = anywhere;
        headCounts = heads;
    }

    private static int magnitude(int count) {
        return Math.min(3, (int) Math.log10(count + 1) + 1);
    }

    /** Every skill mentioned in {@code text}, in order of appearance, longest phrase first at each position. */
    public List<SkillMatch> find(String text) {
        List<Token> tokens = tokenize(text);
        List<SkillMatch> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            // Extend the phrase one token at a time while it is still the start of some skill name,
            // remembering the longest that is a whole one.
            Skill matched = null;
            int matchedLength = 0;
            StringBuilder folded = new StringBuilder();
            StringBuilder written = new StringBuilder();
            for (int n = 1; n <= maxPhraseTokens && i + n <= tokens.size(); n++) {
                String token = tokens.get(i + n - 1).text();
                if (n > 1) {
                    folded.append(' ');
                    written.append(' ');
                }
                folded.append(token.toLowerCase(Locale.ROOT));
                written.append(token);
                String key = folded.toString();
                Skill skill = byFoldedPhrase.get(key);
                if (skill == null) {
                    skill = byExactPhrase.get(written.toString());
                }
                if (skill != null) {
                    matched = skill;
                    matchedLength = n;
                }
                if (!prefixes.contains(key)) {
                    break;
                }
            }
            if (matched == null) {
                i++;
                continue;
            }
            int start = tokens.get(i).start();
            int end = tokens.get(i + matchedLength - 1).end();
            found.add(new SkillMatch(matched, text.substring(start, end), start, end));
            i += matchedLength;
        }
        return found;
    }

    record Token(String text, int start, int end) {}

    /** Letters and digits, plus {@code + # .} inside or after a word (C++, C#, Node.js, .NET). */
    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean dotWord = c == '.'
                    && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
            if (!Character.isLetterOrDigit(c) && !dotWord) {
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d) || d == '+' || d == '#') {
                    i++;
                } else if ((d == '.' || d == '-' || d == '/')
                        && i + 1 < n
                        && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            tokens.add(new Token(text.substring(start, i), start, i));
        }
        return tokens;
    }

    /** The normal form of a phrase for lookups: its tokens joined by one space, lower-cased if folded. */
    static String phraseKey(String phrase, boolean fold) {
        StringBuilder key = new StringBuilder();
        for (Token token : tokenize(phrase)) {
            if (!key.isEmpty()) {
                key.append(' ');
            }
            key.append(token.text());
        }
        return fold ? key.toString().toLowerCase(Locale.ROOT) : key.toString();
    }
}
