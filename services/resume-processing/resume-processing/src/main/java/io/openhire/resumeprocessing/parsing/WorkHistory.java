package io.openhire.resumeprocessing.parsing;

import static io.openhire.resumeprocessing.parsing.Lines.stripBullet;
import static io.openhire.resumeprocessing.parsing.NameAndLocation.place;
import static io.openhire.resumeprocessing.parsing.WordLists.hasTitleWord;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.Periods.Period;
import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
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
    static List<CandidateProfile.Work> of(List<String> lines, List<Section> sections, YearMonth now) {
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
        for (int[] range : ranges) {
            for (int i = range[0]; i < range[1]; i++) {
                Dated job = job(lines, i, range[0], range[1], now);
                if (job != null && seen.add(job.key())) {
                    jobs.add(job.work());
                }
            }
        }
        jobs.sort(Comparator.comparing(CandidateProfile.Work::start).reversed());
        return List.copyOf(jobs);
    }

    /** A job, and what makes it the same job when two lines date it: its period and title as read. */
    private record Dated(String key, CandidateProfile.Work work) {}

    /** The job dated on line {@code i} of the range {@code [from, to)}, or null if the line has no period. */
    private static Dated job(List<String> lines, int i, int from, int to, YearMonth now) {
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
        return new Dated(
                period.start() + "|" + period.end() + "|" + title,
                new CandidateProfile.Work(
                        clean(title),
                        clean(employer),
                        place,
                        period.start().toString(),
                        period.current() ? null : period.end().toString(),
                        period.current(),
                        period.months()));
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
