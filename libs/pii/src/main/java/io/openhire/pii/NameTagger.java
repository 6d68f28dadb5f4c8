package io.openhire.pii;

import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.WordFeatures;
import io.openhire.tagging.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The learned part of the detector: a linear-chain CRF (libs/sequence-tagging) that marks people, places and
 * organisations in a line of text from the words and their neighbours — what the rules cannot do without a cue
 * ("I forwarded the CV to Asa yesterday", "currently in Deettaton"). Its features: the word and its shape,
 * neighbours two either side, and what the detector's gazetteers say of each word (a given name, a city, a
 * country, a nationality, a legal form, a form of address).
 *
 * <p>The shipped model ({@link #RESOURCE}) is trained by {@code bench/pii-tagger-train.sh} on generated
 * recruiting text (never on an evaluation set); without it the recogniser finds nothing.
 */
public final class NameTagger {

    public static final String RESOURCE = "openhire/pii/name-tagger.crf";
    public static final int FEATURE_BITS = 17;
    public static final List<String> TYPES = List.of("PER", "LOC", "ORG");
    public static final CrfTrainer.Params PARAMS = new CrfTrainer.Params(8, 0.1, 1e-6, 42);

    private static final Set<String> FIRST_NAMES = Gazetteer.load("first-names.txt");
    private static final Set<String> CITIES = Gazetteer.load("cities.txt");
    private static final Set<String> NATIONALITIES = Gazetteer.load("nationalities.txt");
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc",
            "inc.",
            "ltd",
            "ltd.",
            "llc",
            "llp",
            "gmbh",
            "ag",
            "kg",
            "se",
            "corp",
            "corp.",
            "corporation",
            "plc",
            "sa",
            "s.a.",
            "sas",
            "bv",
            "b.v.",
            "nv",
            "pty",
            "group",
            "holdings",
            "co",
            "co.",
            "company");
    private static final Set<String> ADDRESS_FORMS =
            Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "herr", "frau");

    private final CrfModel model;
    private final WordFeatures features;

    public NameTagger(CrfModel model) {
        this.model = model;
        this.features = features();
    }

    /** The shipped model, or null when the library was built without one. */
    public static NameTagger shipped() {
        if (NameTagger.class.getClassLoader().getResource(RESOURCE) == null) {
            return null;
        }
        return new NameTagger(CrfModel.fromClasspath(NameTagger.class.getClassLoader(), RESOURCE));
    }

    public static WordFeatures features() {
        return new WordFeatures(FEATURE_BITS, words -> new String[words.size()], NameTagger::classes);
    }

    /** What the gazetteers say of a lower-case word. */
    static List<String> classes(String word) {
        List<String> classes = new ArrayList<>(2);
        if (FIRST_NAMES.contains(word)) {
            classes.add("first-name");
        }
        if (CITIES.contains(word)) {
            classes.add("city");
        }
        if (word.length() > 3 && PlaceRecogniser.isPlace(Character.toUpperCase(word.charAt(0)) + word.substring(1))) {
            classes.add("place");
        }
        if (NATIONALITIES.contains(word)) {
            classes.add("nationality");
        }
        if (LEGAL_FORMS.contains(word)) {
            classes.add("legal-form");
        }
        if (ADDRESS_FORMS.contains(word.replace(".", ""))) {
            classes.add("address-form");
        }
        return classes;
    }

    /** A text's lines as the tagger reads them: each line a sequence of words. */
    public static List<List<Words.Word>> lines(String text) {
        List<List<Words.Word>> lines = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            List<Words.Word> words = new ArrayList<>();
            for (Words.Word w : Words.of(text.substring(from, end))) {
                words.add(new Words.Word(w.text(), w.start() + from, w.end() + from));
            }
            if (!words.isEmpty()) {
                lines.add(words);
            }
            from = end + 1;
        }
        return lines;
    }

    /** One training example: a line's words, their features and their gold BIO tags. */
    public static CrfTrainer.Example example(WordFeatures features, List<Words.Word> words, List<String> tags) {
        return new CrfTrainer.Example(features.of(Words.texts(words)), null, tags);
    }

    public static CrfModel train(
            List<CrfTrainer.Example> examples, CrfTrainer.Progress progress, BooleanSupplier cancelled) {
        return CrfTrainer.train(examples, CrfModel.labelsFor(TYPES), FEATURE_BITS, 0, PARAMS, progress, cancelled)
                .asWritten();
    }

    /** A span the tagger found: its type (PER, LOC, ORG), characters, and its smallest word confidence. */
    public record Found(String type, int start, int end, double confidence) {}

    public List<Found> tag(String text) {
        List<Found> found = new ArrayList<>();
        for (List<Words.Word> line : lines(text)) {
            CrfModel.Tagging tagging = model.tag(features.of(Words.texts(line)), null);
            for (CrfModel.ScoredSpan scored : tagging.spans()) {
                int start = line.get(scored.span().start()).start();
                int end = line.get(scored.span().end() - 1).end();
                found.add(new Found(scored.span().type(), start, end, scored.score()));
            }
        }
        return found;
    }

    /** The detector's type for a tagger type. */
    static PiiType type(String tag) {
        return switch (tag.toUpperCase(Locale.ROOT)) {
            case "PER" -> PiiType.PERSON;
            case "LOC" -> PiiType.LOCATION;
            default -> PiiType.ORGANIZATION;
        };
    }
}
