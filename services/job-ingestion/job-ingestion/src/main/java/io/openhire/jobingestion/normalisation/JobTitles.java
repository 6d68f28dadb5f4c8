package io.openhire.jobingestion.normalisation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Titles as employers write them → a clean title, a seniority, and what the title says about the
 * contract and the workplace ("Sr. BI Data Engineer III", "Data Engineer 5 - Contract",
 * "Java Developer (m/w/d) - Remote").
 */
public final class JobTitles {

    /** Career level, as far as the title (or text) says. */
    public enum Seniority {
        INTERN,
        ENTRY,
        MID,
        SENIOR,
        LEAD,
        MANAGER,
        DIRECTOR,
        EXECUTIVE
    }

    /** The schema.org JobPosting {@code employmentType} values. */
    public enum EmploymentType {
        FULL_TIME,
        PART_TIME,
        CONTRACTOR,
        TEMPORARY,
        INTERN,
        VOLUNTEER,
        PER_DIEM
    }

    public enum Workplace {
        ON_SITE,
        HYBRID,
        REMOTE
    }

    /** A normalised title and what it revealed (null where it says nothing). */
    public record Title(String clean, Seniority seniority, EmploymentType employmentType, Workplace workplace) {}

    private static final Pattern GENDER_TAGS = Pattern.compile(
            "(?i)\\s*[(\\[]\\s*(?:[mwfdxh]\\s*/\\s*){1,3}[mwfdxh]\\s*[)\\]]|\\s*[(\\[]\\s*all genders\\s*[)\\]]");
    private static final Pattern REQUISITION = Pattern.compile(
            "(?i)\\s*(?:[-–|]\\s*)?(?:req(?:uisition)?\\.?\\s*(?:id|#)?|job\\s*id|#)\\s*[:#]?\\s*[A-Z0-9-]{3,}\\s*$");
    private static final Pattern NOISE = Pattern.compile(
            "(?i)\\s*[-–|!]*\\s*\\b(?:urgent(?:ly)?(?: hiring)?|immediate start|hiring now|apply now)\\b\\s*!*");
    private static final Pattern TRAILING_SEPARATOR = Pattern.compile("\\s*[-–|,:/]+\\s*$");
    private static final Pattern REMOTE = Pattern.compile(
            "(?i)\\b(?:fully\\s+)?remote\\b|\\bwork(?:ing)? from home\\b|\\bwfh\\b|\\btelecommute\\b|\\banywhere\\b");
    private static final Pattern HYBRID =
            Pattern.compile("(?i)\\bhybrid\\b|\\b\\d\\s*days?\\s*(?:a week\\s*)?(?:in|at) (?:the )?office\\b");
    private static final Pattern ON_SITE = Pattern.compile("(?i)\\bon[- ]?site\\b|\\bin[- ]office\\b");
    private static final Pattern EMPLOYMENT =
            Pattern.compile("(?i)\\b(?<intern>intern(?:ship)?|werkstudent|trainee(?:ship)?|apprentice(?:ship)?)\\b|"
                    + "\\b(?<contract>contract(?:or)?|freelance(?:r)?|consultancy|1099|c2c|corp[- ]to[- ]corp)\\b|"
                    + "\\b(?<temp>temp(?:orary)?|seasonal|fixed[- ]term)\\b|"
                    + "\\b(?<part>part[- ]time)\\b|\\b(?<full>full[- ]time|permanent|perm)\\b|"
                    + "\\b(?<volunteer>volunteer)\\b|\\b(?<perdiem>per[- ]diem|prn)\\b");
    private static final Pattern EXECUTIVE_WORDS = Pattern.compile(
            ".* (chief|ceo|cto|cfo|coo|cio|cdo|vp|svp|evp|vice president|president|partner|founder) .*");
    private static final Pattern DIRECTOR_WORDS = Pattern.compile(".* (director|head of|head) .*");
    private static final Pattern INTERN_WORDS =
            Pattern.compile(".* (intern|internship|werkstudent|trainee|apprentice) .*");
    private static final Pattern LEAD_WORDS = Pattern.compile(".* (principal|staff|lead|architect) .*");
    private static final Pattern SENIOR_WORDS = Pattern.compile(".* (senior|sr) .*");
    private static final Pattern MANAGER_WORDS = Pattern.compile(".* (manager|mgr) .*");
    private static final Pattern ENTRY_WORDS =
            Pattern.compile(".* (junior|jr|entry level|entry|graduate|associate|assistant) .*");
    private static final Pattern NUMBERED_LEVEL = Pattern.compile(" (i|ii|iii|iv|v|[1-5]) $");
    private static final List<String> LEVELS_ROMAN = List.of("i", "ii", "iii", "iv", "v");

    private JobTitles() {}

    public static Title read(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Title(null, null, null, null);
        }
        String title = raw.replaceAll("\\s+", " ").strip();
        Workplace workplace = workplace(title);
        EmploymentType type = employmentType(title);
        title = GENDER_TAGS.matcher(title).replaceAll("");
        title = REQUISITION.matcher(title).replaceAll("");
        title = NOISE.matcher(title).replaceAll(" ");
        // Drop a trailing "- Remote", "(Contract)", "- Full Time" once their meaning is kept above.
        title = title.replaceAll(
                "(?i)\\s*[-–|,(]\\s*(?:fully remote|remote|hybrid|on[- ]?site|contract(?:or)?|temporary|temp|full[- ]time|part[- ]time|permanent)\\s*\\)?\\s*$",
                "");
        title = title.replaceAll("(?i)\\bSr\\.?(?=\\s)", "Senior").replaceAll("(?i)\\bJr\\.?(?=\\s)", "Junior");
        title = TRAILING_SEPARATOR
                .matcher(title)
                .replaceAll("")
                .replaceAll("\\s+", " ")
                .strip();
        return new Title(title.isEmpty() ? null : title, seniority(title), type, workplace);
    }

    public static Workplace workplace(String text) {
        if (text == null) {
            return null;
        }
        if (HYBRID.matcher(text).find()) {
            return Workplace.HYBRID;
        }
        if (REMOTE.matcher(text).find()) {
            return Workplace.REMOTE;
        }
        if (ON_SITE.matcher(text).find()) {
            return Workplace.ON_SITE;
        }
        return null;
    }

    public static EmploymentType employmentType(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = EMPLOYMENT.matcher(text);
        if (!m.find()) {
            return null;
        }
        if (m.group("intern") != null) {
            return EmploymentType.INTERN;
        }
        if (m.group("contract") != null) {
            return EmploymentType.CONTRACTOR;
        }
        if (m.group("temp") != null) {
            return EmploymentType.TEMPORARY;
        }
        if (m.group("part") != null) {
            return EmploymentType.PART_TIME;
        }
        if (m.group("volunteer") != null) {
            return EmploymentType.VOLUNTEER;
        }
        if (m.group("perdiem") != null) {
            return EmploymentType.PER_DIEM;
        }
        return EmploymentType.FULL_TIME;
    }

    /** The level a title names; numbered levels (Engineer II, Scientist 3) count from entry upwards. */
    public static Seniority seniority(String title) {
        if (title == null) {
            return null;
        }
        String t = " "
                + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ") + " ";
        if (EXECUTIVE_WORDS.matcher(t).matches()) {
            return Seniority.EXECUTIVE;
        }
        if (DIRECTOR_WORDS.matcher(t).matches()) {
            return Seniority.DIRECTOR;
        }
        if (INTERN_WORDS.matcher(t).matches()) {
            return Seniority.INTERN;
        }
        if (LEAD_WORDS.matcher(t).matches()) {
            return Seniority.LEAD;
        }
        if (SENIOR_WORDS.matcher(t).matches()) {
            return Seniority.SENIOR;
        }
        if (MANAGER_WORDS.matcher(t).matches()) {
            return Seniority.MANAGER;
        }
        if (ENTRY_WORDS.matcher(t).matches()) {
            return Seniority.ENTRY;
        }
        Matcher level = NUMBERED_LEVEL.matcher(t);
        if (level.find()) {
            String l = level.group(1);
            int n = Character.isDigit(l.charAt(0)) ? Integer.parseInt(l) : LEVELS_ROMAN.indexOf(l) + 1;
            return n <= 1 ? Seniority.ENTRY : n == 2 ? Seniority.MID : Seniority.SENIOR;
        }
        return null;
    }
}
