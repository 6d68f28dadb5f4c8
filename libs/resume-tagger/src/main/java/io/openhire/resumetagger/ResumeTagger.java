package io.openhire.resumetagger;

import io.openhire.places.Places;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.Fingerprints;
import io.openhire.tagging.WordFeatures;
import io.openhire.tagging.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The learned resume tagger: a linear-chain CRF over a resume's words that marks names, job titles,
 * employers, places, degrees, colleges, graduation years and skills, trained on the 310 annotated resumes
 * of the shared data ({@code bench/resume-tagger-train.sh}; new versions by the training service, task
 * {@code resume-fields}). Besides the word and its neighbours it sees
 * the layout each word stands in: its line (first, last, how long, in capitals), how far down the
 * resume, the section heading above it, and what the places gazetteer and skills taxonomy know.
 */
public final class ResumeTagger {

    public static final String RESOURCE = "openhire/resumetagger/resume-tagger.crf";

    public static final int FEATURE_BITS = 18;

    /**
     * What a model must have been trained on to be read by these features (a registry version carries it; a
     * model trained on other features is refused rather than misread).
     */
    public static final String FEATURES = "resume-words-v1";

    /**
     * The fingerprints ({@link #fingerprint}) of the resumes the shipped model trained on, one per line: what lets
     * the training service compare a new version with the shipped one only on resumes it never saw.
     */
    public static final String TRAINED_ON = "openhire/resumetagger/resume-tagger.trained-on.txt";

    /** The parameters the shipped model was trained with: 6 epochs, AdaGrad rate 0.1, L2 1e-5, seed 42. */
    public static final CrfTrainer.Params PARAMS = new CrfTrainer.Params(6, 0.1, 1e-5, 42);

    /**
     * The tagger was precise but missed spans (cross-validated precision 0.63–0.97, recall 0.29–0.84);
     * making "outside" this much less likely gave the best F1 over the fields of the five folds among
     * 0, 0.7, 1 and 2.
     */
    public static final double OUTSIDE_BIAS = 1.0;

    /** The types the tagger marks. */
    public enum Field {
        NAME,
        TITLE,
        EMPLOYER,
        LOCATION,
        DEGREE,
        COLLEGE,
        YEAR,
        SKILL
    }

    /** A marked span of the text. */
    public record Found(Field field, int start, int end, String text, double score) {}

    /** A text cut into words, with the layout features of each. */
    public record Tokens(List<Words.Word> words, List<List<String>> layout) {
        public List<String> texts() {
            return Words.texts(words);
        }
    }

    private static final Pattern YEAR = Pattern.compile("(19[5-9]\\d|20[0-4]\\d)");

    private final CrfModel model;
    private final WordFeatures features;

    public ResumeTagger(CrfModel model, WordFeatures features) {
        if (model.bits() != FEATURE_BITS) {
            throw new IllegalArgumentException("the model hashes features into " + model.bits()
                    + " bits, the resume tagger's into " + FEATURE_BITS);
        }
        this.model = model;
        this.features = features;
    }

    /** The shipped model. */
    public static ResumeTagger load(SkillsTaxonomy taxonomy) {
        return new ResumeTagger(
                CrfModel.fromClasspath(ResumeTagger.class.getClassLoader(), RESOURCE), features(taxonomy));
    }

    public static WordFeatures features(SkillsTaxonomy taxonomy) {
        return new WordFeatures(FEATURE_BITS, taxonomy::tagWords, taxonomy::wordRoles);
    }

    /** A resume as a training example: its words' features (with their layout) and their gold tags. */
    public static CrfTrainer.Example example(WordFeatures features, AnnotatedResume resume) {
        Tokens tokens = tokens(resume.text());
        return new CrfTrainer.Example(features.of(tokens.texts(), tokens.layout()), null, resume.tags(tokens.words()));
    }

    /**
     * Trains a tagger on these examples, as it will be written (weights quantised, the outside bias set): the one
     * way the shipped model and every trained version are made.
     *
     * @param cancelled asked between resumes; training stops with {@link CrfTrainer.Cancelled} once it says so
     */
    public static CrfModel train(
            List<CrfTrainer.Example> examples,
            CrfTrainer.Params params,
            CrfTrainer.Progress progress,
            BooleanSupplier cancelled) {
        List<String> types = Arrays.stream(Field.values()).map(Enum::name).toList();
        // each epoch's model is told as it would be written (a copy: the bias must not touch training)
        CrfTrainer.Progress asWritten = (epoch, loss, model) ->
                progress.epoch(epoch, loss, model.asWritten().outsideBias(OUTSIDE_BIAS));
        return CrfTrainer.train(examples, CrfModel.labelsFor(types), FEATURE_BITS, 0, params, asWritten, cancelled)
                .outsideBias(OUTSIDE_BIAS)
                .asWritten();
    }

    /** A resume's fingerprint: of its words, so that a different spacing or line breaking is the same resume. */
    public static String fingerprint(String text) {
        return Fingerprints.of(String.join(" ", Words.texts(Words.of(text))));
    }

    /** The fingerprints of the resumes the shipped model trained on. */
    public static java.util.Set<String> shippedTrainedOn() {
        return Fingerprints.read(ResumeTagger.class.getClassLoader(), TRAINED_ON);
    }

    public CrfModel model() {
        return model;
    }

    public List<Found> tag(String text) {
        Tokens tokens = tokens(text);
        if (tokens.words().isEmpty()) {
            return List.of();
        }
        CrfModel.Tagging tagging = model.tag(features.of(tokens.texts(), tokens.layout()), null);
        List<Found> found = new ArrayList<>();
        for (CrfModel.ScoredSpan scored : tagging.spans()) {
            int start = tokens.words().get(scored.span().start()).start();
            int end = tokens.words().get(scored.span().end() - 1).end();
            found.add(new Found(
                    Field.valueOf(scored.span().type()), start, end, text.substring(start, end), scored.score()));
        }
        return found;
    }

    /** The words of a resume and where each stands: see the class comment. */
    public static Tokens tokens(String text) {
        List<Words.Word> words = Words.of(text);
        List<List<String>> layout = new ArrayList<>(words.size());
        int w = 0;
        int lineNumber = 0;
        String section = "top";
        int lineStart = 0;
        while (lineStart <= text.length() && w < words.size()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int first = w;
            while (w < words.size() && words.get(w).start() < lineEnd) {
                w++;
            }
            int count = w - first;
            if (count > 0) {
                String line = text.substring(lineStart, lineEnd).strip();
                boolean capitals =
                        line.chars().anyMatch(Character::isLetter) && line.equals(line.toUpperCase(Locale.ROOT));
                boolean heading = count <= 5 && (capitals || line.endsWith(":"));
                String lineSize =
                        count == 1 ? "1" : count <= 3 ? "2-3" : count <= 6 ? "4-6" : count <= 12 ? "7-12" : "13+";
                String depth = lineNumber < 1
                        ? "0"
                        : lineNumber < 3 ? "1-2" : lineNumber < 8 ? "3-7" : lineNumber < 20 ? "8-19" : "20+";
                for (int i = first; i < w; i++) {
                    List<String> f = new ArrayList<>(12);
                    int inLine = i - first;
                    f.add("pos=" + Math.min(inLine, 4));
                    if (i == w - 1) {
                        f.add("eol");
                    }
                    f.add("lsize=" + lineSize);
                    f.add("depth=" + depth);
                    f.add("sec=" + section);
                    f.add("sec=" + section + "|pos=" + Math.min(inLine, 2));
                    if (capitals) {
                        f.add("caps-line");
                    }
                    if (heading) {
                        f.add("heading");
                    }
                    String word = words.get(i).text();
                    if (YEAR.matcher(word).matches()) {
                        f.add("year");
                    }
                    if (Places.country(word) != null || Places.region(word) != null) {
                        f.add("place");
                    }
                    layout.add(f);
                }
                if (heading) {
                    section = sectionName(line);
                }
                lineNumber++;
            }
            lineStart = lineEnd + 1;
        }
        return new Tokens(words, layout);
    }

    private static String sectionName(String heading) {
        String lower =
                heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").strip();
        String[] words = lower.split("\\s+");
        return words.length == 0 || words[0].isEmpty()
                ? "top"
                : String.join("_", List.of(words).subList(0, Math.min(2, words.length)));
    }
}
