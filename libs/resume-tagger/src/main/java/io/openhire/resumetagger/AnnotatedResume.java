package io.openhire.resumetagger;

import io.openhire.tagging.Words;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A resume of the annotated-XML format (dotin-inc/resume-dataset-NER-annotations): its plain text, and
 * each {@code <label type="…">} as a character span of that text.
 */
public record AnnotatedResume(String file, String text, List<Label> labels) {

    public record Label(String type, int start, int end) {}

    private static final Pattern LABEL = Pattern.compile("<label type=\"([^\"]+)\">(.*?)</label>", Pattern.DOTALL);

    public static List<AnnotatedResume> readAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        List<AnnotatedResume> resumes = new ArrayList<>();
        for (Path file : files) {
            resumes.add(parse(dir.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        return resumes;
    }

    public static AnnotatedResume parse(String file, String xml) {
        StringBuilder text = new StringBuilder();
        List<Label> labels = new ArrayList<>();
        Matcher m = LABEL.matcher(xml);
        int from = 0;
        while (m.find()) {
            text.append(plain(xml.substring(from, m.start())));
            int start = text.length();
            text.append(unescape(m.group(2)));
            labels.add(new Label(m.group(1), start, text.length()));
            from = m.end();
        }
        text.append(plain(xml.substring(from)));
        return new AnnotatedResume(file, text.toString(), labels);
    }

    private static String plain(String segment) {
        return unescape(segment.replaceAll("</?cv>|<\\?xml[^>]*>", ""));
    }

    private static final Pattern ESCAPED_BYTES = Pattern.compile("(?:\\\\x[0-9a-fA-F]{2})+");

    /** XML entities, and the byte escapes ("\\xe2\\x80\\xa2") some of the dataset's texts carry. */
    public static String unescape(String s) {
        Matcher m = ESCAPED_BYTES.matcher(s);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            String hex = m.group().replace("\\x", "");
            byte[] bytes = java.util.HexFormat.of().parseHex(hex);
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}]", " ");
            m.appendReplacement(decoded, Matcher.quoteReplacement(text));
        }
        m.appendTail(decoded);
        s = decoded.toString();
        return s.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'");
    }

    /** The tagger's field for a label type, or null for the types it does not learn (emails: rules). */
    public static ResumeTagger.Field field(String type) {
        return switch (type) {
            case "Name" -> ResumeTagger.Field.NAME;
            case "Designation" -> ResumeTagger.Field.TITLE;
            case "Companies worked at" -> ResumeTagger.Field.EMPLOYER;
            case "Location" -> ResumeTagger.Field.LOCATION;
            case "Degree" -> ResumeTagger.Field.DEGREE;
            case "College Name" -> ResumeTagger.Field.COLLEGE;
            case "Graduation Year" -> ResumeTagger.Field.YEAR;
            // the dotin-inc types, and the plain "Skills" a person annotating their own resumes writes
            case "Skills", "Tech Tools", "Job Specific Skills", "Soft Skills" -> ResumeTagger.Field.SKILL;
            default -> null;
        };
    }

    /** One BIO tag per word of {@code words} (a word belongs to the label its first character is in). */
    public List<String> tags(List<Words.Word> words) {
        List<String> tags = new ArrayList<>(words.size());
        Label open = null;
        for (Words.Word word : words) {
            Label inside = null;
            for (Label label : labels) {
                if (field(label.type()) != null && word.start() >= label.start() && word.start() < label.end()) {
                    inside = label;
                    break;
                }
            }
            if (inside == null) {
                tags.add("O");
            } else {
                tags.add((inside == open ? "I-" : "B-") + field(inside.type()).name());
            }
            open = inside;
        }
        return tags;
    }
}
