package io.openhire.pii.evaluation;

import io.openhire.pii.NameTagger;
import io.openhire.tagging.CrfModel;
import io.openhire.tagging.CrfTrainer;
import io.openhire.tagging.SpanScores;
import io.openhire.tagging.TokenSpan;
import io.openhire.tagging.WordFeatures;
import io.openhire.tagging.Words;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Trains the detector's {@link NameTagger} on generated recruiting text and writes the model libs/pii ships.
 * The text comes from templates of its own — not {@link SyntheticSet}'s, whose texts score the detector — filled
 * by Datafaker in eleven locales, with job titles, skills, degrees and departments as capitalised words that are
 * none of the three. 20 % of the generated lines are held out and scored (strict spans) before the final model
 * is trained on all of them.
 *
 * <pre>NameTaggerTraining OUT [lines=12000] [seed=1001]</pre>
 */
public final class NameTaggerTraining {

    private static final Locale[] LOCALES = {
        Locale.US,
        Locale.UK,
        Locale.GERMANY,
        Locale.FRANCE,
        Locale.of("es", "ES"),
        Locale.of("nl", "NL"),
        Locale.of("en", "IN"),
        Locale.ITALY,
        Locale.of("pl", "PL"),
        Locale.of("pt", "BR"),
        Locale.of("sv", "SE")
    };

    /** Slots: {PER} {FIRST} {LAST} {CITY} {COUNTRY} {STATE} {ORG} {UNI} are labelled; {JOB} {SKILL} {DEGREE} {DEPT} not. */
    static final List<String> TEMPLATES = List.of(
            "{PER}",
            "{PER} - {JOB}",
            "{JOB} | {CITY}, {COUNTRY}",
            "{JOB} at {ORG}, {CITY}",
            "{ORG} — {JOB} (2019 – 2023)",
            "{DEGREE}, {UNI}, {CITY}",
            "Skills: {SKILL}, {SKILL}, {SKILL} and {SKILL}",
            "Certified in {SKILL}; led the {DEPT} team's move to {SKILL}.",
            "Referee: {PER}, {JOB} at {ORG}",
            "Left a voicemail for {FIRST} about the {JOB} opening in {CITY}.",
            "{FIRST} prefers remote work but could travel to {CITY} twice a month.",
            "Please loop in {PER} from {ORG} before Friday.",
            "{PER} joined {ORG} in {CITY} after six years with {ORG}.",
            "Forwarded to {FIRST} {LAST}; {FIRST} will screen the {JOB} applicants.",
            "Our client {ORG} is opening an office in {CITY} and needs a {JOB}.",
            "Relocation from {COUNTRY} to {CITY} is covered for the {JOB} role.",
            "{FIRST} studied at {UNI} and speaks three languages.",
            "Thanks {FIRST}, I will send {LAST}'s profile to the hiring manager.",
            "Interview panel: {PER}, {PER} and {FIRST} from {DEPT}.",
            "Candidate lives near {CITY}, {STATE}; open to hybrid work.",
            "{ORG} acquired {ORG} last year; the {DEPT} team moved to {CITY}.",
            "Met {PER} at the {SKILL} meetup in {CITY}.",
            "Offer accepted by {PER}; start date confirmed with {ORG} HR.",
            "Background: {JOB} at {ORG} ({CITY}), then {JOB} at {ORG}.",
            "{LAST} has a notice period of three months at {ORG}.",
            "Spoke to {FIRST} again — still interested, salary expectations unchanged.",
            "Education: {DEGREE} from {UNI} ({COUNTRY})",
            "Experience with {SKILL} and {SKILL} at {ORG}",
            "{PER} recommended {PER} for the {JOB} position.",
            "Hi {FIRST}, are you free for a call about {ORG}?",
            "Best, {PER} | {JOB} | {ORG}",
            "Volunteer at the {CITY} Food Bank, mentoring students from {UNI}.",
            "The {DEPT} lead in {COUNTRY} asked for two more {JOB} profiles.",
            "Worked remotely for {ORG} while based in {CITY}.",
            "Shortlist: {PER}, {PER}, {PER}",
            "{JOB}, {DEPT} — {SKILL}, {SKILL}",
            "Project: migrated billing to {SKILL} for a retail client in {COUNTRY}.",
            "Languages: English, Spanish; Location: {CITY}",
            "Contacted by {ORG} recruiter {FIRST} on LinkedIn.",
            "Previously {JOB} with {ORG} in {CITY} and {CITY}.");

    private static final List<String> SKILLS = List.of(
            "Java",
            "Python",
            "Kubernetes",
            "Spring Boot",
            "React",
            "SQL",
            "AWS",
            "Azure",
            "Terraform",
            "Kafka",
            "Excel",
            "SAP",
            "Salesforce",
            "Tableau",
            "Docker",
            "Go",
            "Rust",
            "TypeScript",
            "Figma",
            "Scrum",
            "PostgreSQL",
            "Power BI",
            "Node.js",
            "Angular",
            "Jira",
            "Linux",
            "Machine Learning",
            "Data Analysis");
    private static final List<String> DEGREES = List.of(
            "BSc Computer Science",
            "Master of Business Administration",
            "Bachelor of Arts in Economics",
            "MSc Data Science",
            "Diploma in Nursing",
            "B.Tech Mechanical Engineering",
            "PhD Physics");
    private static final List<String> DEPTS = List.of(
            "Platform", "Finance", "Marketing", "Customer Success", "Data", "Sales", "Operations", "Legal", "HR");

    private NameTaggerTraining() {}

    /** One generated line: its text and labelled character spans. */
    record Line(String text, List<int[]> spans, List<String> types) {}

    static List<Line> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Faker> fakers = new ArrayList<>();
        for (Locale locale : LOCALES) {
            fakers.add(new Faker(locale, new Random(seed * 31 + locale.hashCode())));
        }
        List<Line> lines = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Faker faker = fakers.get(random.nextInt(fakers.size()));
            String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            StringBuilder text = new StringBuilder();
            List<int[]> spans = new ArrayList<>();
            List<String> types = new ArrayList<>();
            int i = 0;
            while (i < template.length()) {
                int open = template.indexOf('{', i);
                if (open < 0) {
                    text.append(template, i, template.length());
                    break;
                }
                text.append(template, i, open);
                int close = template.indexOf('}', open);
                String slot = template.substring(open + 1, close);
                String value = value(slot, faker, random).strip();
                String type = switch (slot) {
                    case "PER", "FIRST", "LAST" -> "PER";
                    case "CITY", "COUNTRY", "STATE" -> "LOC";
                    case "ORG", "UNI" -> "ORG";
                    default -> null;
                };
                int start = text.length();
                text.append(value);
                if (type != null && !value.isEmpty()) {
                    spans.add(new int[] {start, text.length()});
                    types.add(type);
                }
                i = close + 1;
            }
            lines.add(new Line(text.toString(), spans, types));
        }
        return lines;
    }

    private static String value(String slot, Faker faker, Random random) {
        return switch (slot) {
            case "PER" -> faker.name().firstName() + " " + faker.name().lastName();
            case "FIRST" -> faker.name().firstName();
            case "LAST" -> faker.name().lastName();
            case "CITY" -> faker.address().city();
            case "COUNTRY" -> faker.address().country();
            case "STATE" -> faker.address().state();
            case "ORG" -> faker.company().name();
            case "UNI" -> faker.university().name();
            case "JOB" -> faker.job().title();
            case "SKILL" -> SKILLS.get(random.nextInt(SKILLS.size()));
            case "DEGREE" -> DEGREES.get(random.nextInt(DEGREES.size()));
            case "DEPT" -> DEPTS.get(random.nextInt(DEPTS.size()));
            default -> throw new IllegalArgumentException(slot);
        };
    }

    /** The line's words and one BIO tag per word: a word inside a labelled span takes its type. */
    static CrfTrainer.Example example(WordFeatures features, Line line) {
        List<Words.Word> words =
                NameTagger.lines(line.text()).stream().flatMap(List::stream).toList();
        List<String> tags = new ArrayList<>();
        int previousSpan = -1;
        for (Words.Word word : words) {
            String tag = "O";
            for (int s = 0; s < line.spans().size(); s++) {
                int[] span = line.spans().get(s);
                if (word.start() < span[1] && span[0] < word.end()) {
                    String type = line.types().get(s);
                    tag = (previousSpan == s ? "I-" : "B-") + type;
                    previousSpan = s;
                    break;
                }
            }
            if (tag.equals("O")) {
                previousSpan = -1;
            }
            tags.add(tag);
        }
        return NameTagger.example(features, words, tags);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 12_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1001;
        WordFeatures features = NameTagger.features();
        List<CrfTrainer.Example> examples = new ArrayList<>();
        for (Line line : generate(count, seed)) {
            examples.add(example(features, line));
        }
        List<CrfTrainer.Example> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = shuffled.size() * 4 / 5;
        List<CrfTrainer.Example> train = shuffled.subList(0, cut);
        List<CrfTrainer.Example> held = shuffled.subList(cut, shuffled.size());
        long started = System.nanoTime();
        CrfModel model = NameTagger.train(
                train,
                (epoch, loss, m) -> System.out.printf(Locale.ROOT, "epoch %d loss %.4f%n", epoch, loss),
                () -> false);
        System.out.printf(
                Locale.ROOT, "trained on %d lines in %.1f s%n", train.size(), (System.nanoTime() - started) / 1e9);
        List<List<TokenSpan>> gold = new ArrayList<>();
        List<List<TokenSpan>> predicted = new ArrayList<>();
        for (CrfTrainer.Example example : held) {
            gold.add(TokenSpan.fromTags(example.tags()));
            predicted.add(TokenSpan.fromTags(model.tag(example.features(), null).tags()));
        }
        SpanScores scores = SpanScores.of(gold, predicted);
        System.out.printf(
                Locale.ROOT,
                "held-out lines (20 %%, same templates): strict P %.3f R %.3f F1 %.3f (%d gold spans)%n",
                scores.precision(),
                scores.recall(),
                scores.f1(),
                scores.gold());
        CrfModel all = NameTagger.train(examples, (epoch, loss, m) -> {}, () -> false);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            all.write(stream);
        }
        System.out.printf(
                Locale.ROOT, "wrote %s (%d bytes), trained on all %d lines%n", out, Files.size(out), examples.size());
    }
}
