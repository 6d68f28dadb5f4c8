package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.client.CandidateProfile;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date periods in a line ("Jan 2019 - Mar 2021", "03/2018 – 12/2019", "2015 to 2017", "Sept. '19 –
 * current", "since 2020") and the years of experience they add up to.
 */
final class Periods {

    /**
     * A period found in a line; {@code from} and {@code to} are where it stands in the line.
     *
     * @param end {@code now} for a current job
     * @param months the length, both end months included
     */
    record Period(YearMonth start, YearMonth end, boolean current, int months, int from, int to) {}

    /** Total years of experience, and where they come from. */
    record YearsOfExperience(double years, Source source) {
        enum Source {
            /** added up from the dated jobs */
            WORK_HISTORY,
            /** as the resume says it ("8 years of experience") */
            STATED
        }
    }

    private static final String MONTH =
            "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DATE = "(?:" + MONTH
            + "\\s*[',]?\\s*((?:19|20)\\d{2}|'?\\d{2})\\b|(\\d{1,2})\\s*[/.-]\\s*((?:19|20)\\d{2})\\b|\\b((?:19|20)\\d{2})\\b)";
    private static final Pattern DATE_RANGE =
            Pattern.compile("(?i)" + DATE + "\\s*(?:-|–|—|to|till|until|through|~)\\s*(?:" + DATE
                    + "|(present|current|now|today|till date|to date|date|ongoing))");
    private static final Pattern DATE_OPEN =
            Pattern.compile("(?i)(?:since\\s+" + DATE + "|" + DATE + "\\s*(?:onwards|-\\s*$|–\\s*$))");
    private static final Pattern YEARS_PHRASE = Pattern.compile(
            "(?i)(\\d{1,2}(?:\\.\\d)?)\\s*\\+?\\s*(?:years|yrs)(?:\\s+of)?\\s+(?:\\w+\\s+){0,3}experience");

    /** The first period in the line, or null; one that starts after {@code now} or ends before it starts is none. */
    static Period period(String line, YearMonth now) {
        Matcher m = DATE_RANGE.matcher(line);
        if (m.find()) {
            YearMonth start = date(m, 1, false);
            boolean current = m.group(11) != null;
            YearMonth end = current ? now : date(m, 6, true);
            if (start == null || end == null || end.isBefore(start) || start.isAfter(now)) {
                return null;
            }
            if (end.isAfter(now)) {
                end = now;
            }
            return new Period(start, end, current, months(start, end), m.start(), m.end());
        }
        Matcher open = DATE_OPEN.matcher(line);
        if (open.find()) {
            YearMonth start = date(open, 1, false);
            if (start == null) {
                start = date(open, 6, false);
            }
            if (start == null || start.isAfter(now)) {
                return null;
            }
            return new Period(start, now, true, months(start, now), open.start(), open.end());
        }
        return null;
    }

    /** One of the two DATE groups in a match, starting at group {@code g}: month+year, mm/yyyy, or yyyy. */
    private static YearMonth date(Matcher m, int g, boolean end) {
        try {
            if (m.group(g) != null && m.group(g + 1) != null) {
                return YearMonth.of(year(m.group(g + 1)), month(m.group(g)));
            }
            if (m.group(g + 2) != null && m.group(g + 3) != null) {
                int month = Integer.parseInt(m.group(g + 2));
                return month >= 1 && month <= 12 ? YearMonth.of(Integer.parseInt(m.group(g + 3)), month) : null;
            }
            if (m.group(g + 4) != null) {
                return YearMonth.of(Integer.parseInt(m.group(g + 4)), end ? 12 : 1);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static int year(String y) {
        String digits = y.replace("'", "");
        int value = Integer.parseInt(digits);
        return digits.length() == 2 ? (value > 50 ? 1900 + value : 2000 + value) : value;
    }

    private static int month(String name) {
        String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return switch (m) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    private static int months(YearMonth start, YearMonth end) {
        return (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue() + 1;
    }

    /** From the work history if it has dated jobs, else as the text states it, else null. */
    static YearsOfExperience yearsOfExperience(List<CandidateProfile.Work> work, String text) {
        Double years = totalYears(work);
        if (years != null) {
            return new YearsOfExperience(years, YearsOfExperience.Source.WORK_HISTORY);
        }
        years = yearsFromPhrase(text);
        return years == null ? null : new YearsOfExperience(years, YearsOfExperience.Source.STATED);
    }

    /** Years covered by the work history, overlapping jobs counted once. */
    static Double totalYears(List<CandidateProfile.Work> work) {
        List<int[]> spans = new ArrayList<>();
        for (CandidateProfile.Work w : work) {
            if (w.start() == null) {
                continue; // a job the resume names without dates adds no time
            }
            YearMonth start = YearMonth.parse(w.start());
            int from = start.getYear() * 12 + start.getMonthValue() - 1;
            spans.add(new int[] {from, from + w.months()});
        }
        if (spans.isEmpty()) {
            return null;
        }
        spans.sort(Comparator.comparingInt(a -> a[0]));
        int total = 0;
        int[] current = spans.getFirst().clone();
        for (int[] s : spans.subList(1, spans.size())) {
            if (s[0] <= current[1]) {
                current[1] = Math.max(current[1], s[1]);
            } else {
                total += current[1] - current[0];
                current = s.clone();
            }
        }
        total += current[1] - current[0];
        return Math.round(total / 12.0 * 10) / 10.0;
    }

    /** The largest "N years of experience" the text states (up to 50), or null. */
    static Double yearsFromPhrase(String text) {
        Matcher m = YEARS_PHRASE.matcher(text);
        double best = -1;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            if (v <= 50) {
                best = Math.max(best, v);
            }
        }
        return best < 0 ? null : best;
    }

    private Periods() {}
}
