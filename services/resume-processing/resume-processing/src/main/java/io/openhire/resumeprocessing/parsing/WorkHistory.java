package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.Lines.stripBullet;
import static io.openhire.resumeprocessing.parsing.NameAndLocation.place;
import static io.openhire.resumeprocessing.parsing.WordLists.hasTitleWord;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.Periods.Period;
import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import io.openhire.resumetagger.ResumeTagger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Jobs, anchored on date periods: each dated line is a job, and its title, employer and place are read
 * from the rest of that line and from the lines around it. Looks in the experience sections, or, when
 * the resume has none, in the header, summary, projects and unnamed sections.
 */
final class WorkHistory {

    private static final Pattern EMPLOYER = Pattern.compile(
            "(?i)\\b(ltd|limited|inc|llc|llp|corp|corporation|company|gmbh|pvt|plc|bank|group|agency|hospital|"
                    + "university|college|institute|technologies|solutions|enterprises|industries|holdings|foundation)\\b\\.?");

    /** The jobs, latest start first; one per period and title. */
    static List<CandidateProfile.Work> of(
            List<String> lines, List<Section> sections, YearMonth now, TaggedLines tagged) {
        List<int[]> ranges = new ArrayList<>();
        for (Section s : sections) {
            if (s.kind() == Kind.EXPERIENCE) {
                ranges.add(new int[] {s.from(), s.to()});
            }
        }
        if (ranges.isEmpty()) {
            for (Section s : sections) {
                if (s.kind() == Kind.HEADER
                        || s.kind() == Kind.SUMMARY
                        || s.kind() == Kind.OTHER
                        || s.kind() == Kind.PROJECTS) {
                    ranges.add(new int[] {s.from(), s.to()});
                }
            }
        }
        List<CandidateProfile.Work> jobs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>(); // titles and employers the dated jobs took
        Set<Integer> used = new java.util.HashSet<>(); // lines the dated jobs were read from
        for (int[] range : ranges) {
            for (int i = range[0]; i < range[1]; i++) {
                Dated job = job(lines, i, range[0], range[1], now, tagged);
                if (job != null && seen.add(job.key())) {
                    jobs.add(job.work());
                    named.add(TaggedLines.key(job.work().title()));
                    named.add(TaggedLines.key(job.work().employer()));
                    used.addAll(job.lines());
                }
            }
        }
        for (int[] range : ranges) {
            undated(range[0], range[1], tagged, named, used, jobs);
        }
        jobs.sort(Comparator.comparing(CandidateProfile.Work::start, Comparator.nullsFirst(Comparator.naturalOrder()))
                .reversed());
        return List.copyOf(jobs);
    }

    /**
     * Jobs a resume names without dates ("Associate Software Engineer" / "Oracle India Pvt Ltd" /
     * "Chennai"): the titles, employers and places the tagger marks outside the dated jobs' lines, read in
     * order into one job until a field comes again (a second title is the next job) or three lines pass
     * without one. A job needs a title, or an employer the tagger is sure of that is not a place; titles and
     * employers a dated job took are that job's. They come after the dated ones.
     */
    private static void undated(
            int from,
            int to,
            TaggedLines tagged,
            Set<String> named,
            Set<Integer> used,
            List<CandidateProfile.Work> jobs) {
        Set<String> taken = new LinkedHashSet<>(); // (title, employer) pairs read here
        TaggedLines.Span title = null;
        TaggedLines.Span employer = null;
        TaggedLines.Span place = null;
        int last = -1;
        for (int i = from; i < to; i++) {
            if (used.contains(i)) {
                continue; // a dated job's lines: what they name is that job's
            }
            List<TaggedLines.Span> spans = new ArrayList<>();
            for (ResumeTagger.Field field :
                    List.of(ResumeTagger.Field.TITLE, ResumeTagger.Field.EMPLOYER, ResumeTagger.Field.LOCATION)) {
                for (TaggedLines.Span span : tagged.on(i, field)) {
                    if (field == ResumeTagger.Field.LOCATION || !named.contains(TaggedLines.key(clean(span.text())))) {
                        spans.add(span);
                    }
                }
            }
            spans.sort(Comparator.comparingInt(TaggedLines.Span::start));
            for (TaggedLines.Span span : spans) {
                boolean again = switch (span.field()) {
                    case TITLE -> title != null;
                    case EMPLOYER -> employer != null;
                    default -> place != null;
                };
                if (again || (last >= 0 && i - last > 3)) {
                    addUndated(title, employer, place, taken, jobs);
                    title = null;
                    employer = null;
                    place = null;
                }
                switch (span.field()) {
                    case TITLE -> title = span;
                    case EMPLOYER -> employer = span;
                    default -> place = span;
                }
                last = i;
            }
        }
        addUndated(title, employer, place, taken, jobs);
    }

    private static void addUndated(
            TaggedLines.Span title,
            TaggedLines.Span employer,
            TaggedLines.Span place,
            Set<String> taken,
            List<CandidateProfile.Work> jobs) {
        String t = title == null ? null : clean(title.text());
        String e = employer == null ? null : clean(employer.text());
        // Without a title beside it, an employer needs the tagger to be sure, and not to be a place.
        if (t == null && e != null && (employer.score() < LONE_EMPLOYER_CONFIDENCE || isPlace(e))) {
            e = null;
        }
        if ((t == null && e == null) || !taken.add(TaggedLines.key(t) + "|" + TaggedLines.key(e))) {
            return;
        }
        jobs.add(new CandidateProfile.Work(t, e, place == null ? null : place.text(), null, null, false, null));
    }

    /** A job, and what makes it the same job when two lines date it: its period and title as read. */
    /** @param lines the date line and the lines around it that were read for the job */
    private record Dated(String key, CandidateProfile.Work work, List<Integer> lines) {}

    /** The job dated on line {@code i} of the range {@code [from, to)}, or null if the line has no period. */
    private static Dated job(List<String> lines, int i, int from, int to, YearMonth now, TaggedLines tagged) {
        String line = lines.get(i);
        Period period = Periods.period(line, now);
        if (period == null) {
            return null;
        }
        String rest = line.substring(0, period.from()) + " " + line.substring(period.to());
        rest = stripBullet(rest.replaceAll("[()\\[\\]|]", " ")
                        .replaceAll("\\s+", " ")
                        .strip())
                .replaceAll("^[,:;–-]+|[,:;–-]+$", "")
                .strip();
        String title = null;
        String employer = null;
        String place = null;
        if (!rest.isEmpty() && rest.split("\\s+").length <= 14) {
            String[] parts = rest.split("\\s+(?:at|@)\\s+|\\s+[–—-]\\s+|\\s*\\|\\s*|,\\s+(?=[A-Z])");
            for (String part : parts) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (title == null && hasTitleWord(p)) {
                    title = p;
                } else if (place == null && place(p) != null) {
                    place = p;
                } else if (employer == null && !hasTitleWord(p)) {
                    employer = p;
                }
            }
        }
        // What the date line lacks is around it: "Title" / "Employer - City, State" / date, or
        // date / "Employer" / "Title". Nearest lines first, above before below.
        boolean lineHasEmployer = employer != null;
        boolean structured = false; // a "Title, Employer, Place" line: its own commas say which is which
        for (int k : neighbours(i, from, to, lines, now)) {
            if (title != null && employer != null) {
                break;
            }
            String near = stripBullet(lines.get(k));
            String[] split = near.split("\\s+[–—-]\\s+|\\s*\\|\\s*", 2);
            String head = split[0].strip();
            if (split.length == 2 && place(split[1]) != null && place == null) {
                place = split[1].strip();
            }
            // "Senior Backend Engineer, ParcelPoint GmbH, Berlin": a title, the employer, then where.
            String[] commas = head.split(",\\s+", 3);
            if (title == null
                    && employer == null
                    && commas.length >= 2
                    && hasTitleWord(commas[0])
                    && !looksLikeEmployer(commas[0])
                    && !hasTitleWord(commas[1])
                    && plausibleEmployer(commas[1])
                    && (commas.length == 2 || placeLike(commas[2]))) {
                title = commas[0].strip();
                employer = commas[1].strip();
                if (commas.length == 3 && place == null) {
                    place = commas[2].strip();
                }
                structured = true;
                continue;
            }
            // "Time Warner Cable, Overland Park, KS": the employer, then where.
            CandidateProfile.Location trailing = place(head);
            if (trailing != null
                    && head.endsWith(trailing.text())
                    && head.length() > trailing.text().length()) {
                String before = head.substring(
                                0, head.length() - trailing.text().length())
                        .replaceAll("[,\\s–-]+$", "")
                        .strip();
                if (!before.isEmpty()) {
                    if (place == null) {
                        place = trailing.text();
                    }
                    head = before;
                }
            }
            if (title == null && hasTitleWord(head) && !looksLikeEmployer(head)) {
                title = head;
            } else if (employer == null
                    && !lineHasEmployer
                    && !hasTitleWord(head)
                    && place(head) == null
                    && plausibleEmployer(head)) {
                employer = head;
            } else if (employer == null && looksLikeEmployer(head)) {
                employer = head;
            }
        }
        // What the tagger marks on the date line or the nearest lines around it wins over what the rules
        // guessed: it reads "Senior Backend Engineer, ParcelPoint GmbH" as a title and an employer.
        List<Integer> near = new ArrayList<>();
        near.add(i);
        near.addAll(neighbours(i, from, to, lines, now));
        TaggedLines.Span taggedTitle = firstOn(tagged, ResumeTagger.Field.TITLE, near);
        TaggedLines.Span taggedEmployer = firstOn(tagged, ResumeTagger.Field.EMPLOYER, near);
        if (!structured) {
            title = preferred(title, taggedTitle);
            employer = preferred(employer, taggedEmployer);
            if (title != null && title.equals(employer)) {
                employer = null; // one span cannot be both
            }
        }
        TaggedLines.Span taggedPlace = firstOn(tagged, ResumeTagger.Field.LOCATION, near);
        if (place == null && taggedPlace != null) {
            place = taggedPlace.text();
        }
        return new Dated(
                period.start() + "|" + period.end() + "|" + title,
                new CandidateProfile.Work(
                        clean(title),
                        clean(employer),
                        place,
                        period.start().toString(),
                        period.current() ? null : period.end().toString(),
                        period.current(),
                        period.months()),
                near);
    }

    /** An employer the tagger marks without a title near it becomes a job only when it is this sure. */
    static final double LONE_EMPLOYER_CONFIDENCE = 0.8;

    /**
     * The tagger's reading, unless the rules read the same with more ("Northwind Logistics GmbH" where the
     * tagger stops at "Northwind Logistics") and nothing that looks like two fields (no comma).
     */
    private static String preferred(String rule, TaggedLines.Span tagged) {
        if (tagged == null) {
            return rule;
        }
        String text = tagged.text().strip();
        if (rule != null && !rule.contains(",") && rule.contains(text)) {
            return rule;
        }
        return text;
    }

    private static TaggedLines.Span firstOn(TaggedLines tagged, ResumeTagger.Field field, List<Integer> lines) {
        for (int line : lines) {
            List<TaggedLines.Span> spans = tagged.on(line, field);
            if (!spans.isEmpty()) {
                return spans.getFirst();
            }
        }
        return null;
    }

    /** "Berlin", "Austin, TX", "San Marcos, TX", "United Kingdom": a known place, or one or two capitalised words. */
    private static boolean isPlace(String text) {
        return place(text) != null
                || io.openhire.places.Places.country(text) != null
                || io.openhire.places.Places.region(text) != null;
    }

    private static boolean placeLike(String text) {
        String t = text.strip();
        return place(t) != null
                || io.openhire.places.Places.country(t) != null
                || io.openhire.places.Places.region(t) != null
                || t.matches("[A-Z][\\p{L}.'-]+(?: [A-Z][\\p{L}.'-]+)?");
    }

    /** A company word: "Ltd", "GmbH", "Bank", "Technologies", ... */
    static boolean looksLikeEmployer(String text) {
        return EMPLOYER.matcher(text).find();
    }

    /** A name, not a sentence fragment: starts with a capital or digit, ends without a full stop. */
    static boolean plausibleEmployer(String text) {
        if (text.length() < 2 || !(Character.isUpperCase(text.charAt(0)) || Character.isDigit(text.charAt(0)))) {
            return false;
        }
        return !text.endsWith(".") || looksLikeEmployer(text);
    }

    /** Up to two lines above, then up to two below a date line, stopping at dates, headings and sentences. */
    private static List<Integer> neighbours(int i, int from, int to, List<String> lines, YearMonth now) {
        List<Integer> found = new ArrayList<>();
        for (int k = i - 1; k >= Math.max(from, i - 2); k--) {
            if (!candidate(lines.get(k), now)) {
                break;
            }
            found.add(k);
        }
        for (int k = i + 1; k < Math.min(to, i + 3); k++) {
            if (!candidate(lines.get(k), now)) {
                break;
            }
            found.add(k);
        }
        return found;
    }

    private static boolean candidate(String line, YearMonth now) {
        String s = stripBullet(line);
        return !s.isEmpty()
                && s.split("\\s+").length <= 10
                && !(s.endsWith(".") && s.split("\\s+").length > 6) // a sentence, not "Fleet Advertising Ltd."
                && Periods.period(s, now) == null
                && Sections.headingOf(s) == null
                && !s.contains("@");
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = s.replaceAll("^[,:;–\\-\\s]+|[,:;–\\-\\s]+$", "").strip();
        return c.isEmpty() || c.length() > 120 ? null : c;
    }

    private WorkHistory() {}
}
