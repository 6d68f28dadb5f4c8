package io.openhire.resumeprocessing.evaluation;

import io.openhire.resumetagger.AnnotatedResume;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.skills.SkillsTaxonomy;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.Fingerprints;
import io.openhire.tagging.WordFeatures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains the resume tagger on the annotated resumes and scores it by k-fold cross-validation (each fold
 * scored by a model that never saw it), field by field as {@link ParserEvaluation} scores the parser.
 *
 * <pre>ResumeTaggerTraining --gold DIR [--folds 5] [--out FILE]</pre>
 *
 * Shuffling has a fixed seed: the same files and parameters write the same model.
 */
public final class ResumeTaggerTraining {

    public static final CrfTrainer.Params PARAMS = ResumeTagger.PARAMS;

    private ResumeTaggerTraining() {}

    public static void main(String[] args) throws IOException {
        Path gold = null;
        Path out = null;
        int folds = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--gold" -> gold = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--folds" -> folds = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("usage: ResumeTaggerTraining --gold DIR [--folds N] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        PrintStream log = System.out;
        SkillsTaxonomy taxonomy = SkillsTaxonomy.load();
        WordFeatures features = ResumeTagger.features(taxonomy);
        List<AnnotatedResume> resumes = AnnotatedResume.readAll(gold);
        List<CrfTrainer.Example> examples = examples(resumes, features);
        if (folds > 1) {
            log.print(
                    crossValidate(resumes, examples, features, taxonomy, folds).table());
        }
        if (out != null) {
            long started = System.nanoTime();
            CrfModel model = train(examples, (epoch, loss, m) -> log.printf("epoch %d  loss %.3f%n", epoch, loss));
            log.printf("trained on %d resumes in %.1f s%n", resumes.size(), (System.nanoTime() - started) / 1e9);
            Files.createDirectories(out.toAbsolutePath().getParent());
            try (OutputStream stream = Files.newOutputStream(out)) {
                model.write(stream);
            }
            log.println("wrote " + out + " (" + Files.size(out) + " bytes)");
            Path trainedOn = out.resolveSibling(Path.of(ResumeTagger.TRAINED_ON).getFileName());
            Set<String> fingerprints = new HashSet<>();
            resumes.forEach(resume -> fingerprints.add(ResumeTagger.fingerprint(resume.text())));
            Files.writeString(trainedOn, Fingerprints.write(fingerprints));
            log.println("wrote " + trainedOn + " (" + fingerprints.size() + " resumes)");
        }
    }

    public static List<CrfTrainer.Example> examples(List<AnnotatedResume> resumes, WordFeatures features) {
        List<CrfTrainer.Example> examples = new ArrayList<>();
        for (AnnotatedResume resume : resumes) {
            examples.add(ResumeTagger.example(features, resume));
        }
        return examples;
    }

    public static CrfModel train(List<CrfTrainer.Example> examples, CrfTrainer.Progress progress) {
        return ResumeTagger.train(examples, PARAMS, progress, () -> false);
    }

    /** A model trained on every fold but {@code fold} (example i is in fold {@code i % folds}). */
    public static CrfModel trainWithout(List<CrfTrainer.Example> examples, int fold, int folds) {
        List<CrfTrainer.Example> train = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (i % folds != fold) {
                train.add(examples.get(i));
            }
        }
        return train(train, (e, l, m) -> {});
    }

    /** Resume i is in fold {@code i % folds}; every fold is tagged by a model trained on the others. */
    public static ParserEvaluation.Result crossValidate(
            List<AnnotatedResume> resumes,
            List<CrfTrainer.Example> examples,
            WordFeatures features,
            SkillsTaxonomy taxonomy,
            int folds) {
        Map<String, ParserEvaluation.Counts> counts = new LinkedHashMap<>();
        for (String field : ParserEvaluation.FIELDS) {
            if (!field.equals("Email")) {
                counts.put(field, new ParserEvaluation.Counts());
            }
        }
        long nanos = 0;
        for (int fold = 0; fold < folds; fold++) {
            ResumeTagger tagger = new ResumeTagger(trainWithout(examples, fold, folds), features);
            for (int i = fold; i < resumes.size(); i += folds) {
                AnnotatedResume resume = resumes.get(i);
                long start = System.nanoTime();
                List<ResumeTagger.Found> found = tagger.tag(resume.text());
                nanos += System.nanoTime() - start;
                Map<String, Set<String>> gold = ParserEvaluation.gold(resume, taxonomy);
                Map<String, Set<String>> predicted = predicted(found, taxonomy);
                for (String field : counts.keySet()) {
                    ParserEvaluation.score(counts.get(field), gold.get(field), predicted.get(field));
                }
            }
        }
        return new ParserEvaluation.Result(resumes.size(), counts, nanos / 1e6 / Math.max(1, resumes.size()));
    }

    /** The tagger's spans as the evaluation's field values: every span, except one name (the surest). */
    static Map<String, Set<String>> predicted(List<ResumeTagger.Found> found, SkillsTaxonomy taxonomy) {
        Map<String, Set<String>> predicted = ParserEvaluation.emptyFields();
        ResumeTagger.Found name = null;
        for (ResumeTagger.Found f : found) {
            if (f.field() == ResumeTagger.Field.NAME) {
                if (name == null || f.score() > name.score()) {
                    name = f;
                }
            } else {
                add(predicted, f.field(), f.text(), taxonomy);
            }
        }
        if (name != null) {
            add(predicted, name.field(), name.text(), taxonomy);
        }
        return predicted;
    }

    private static void add(
            Map<String, Set<String>> values, ResumeTagger.Field field, String value, SkillsTaxonomy taxonomy) {
        String name = switch (field) {
            case NAME -> "Name";
            case TITLE -> "Designation";
            case EMPLOYER -> "Companies worked at";
            case LOCATION -> "Location";
            case DEGREE -> "Degree";
            case COLLEGE -> "College Name";
            case YEAR -> "Graduation Year";
            case SKILL -> "Skills";
        };
        ParserEvaluation.addValue(values, name, value, taxonomy);
    }
}
