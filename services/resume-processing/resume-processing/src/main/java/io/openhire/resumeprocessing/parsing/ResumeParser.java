package io.openhire.resumeprocessing.parsing;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.openhire.places.Places;
import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import io.openhire.skills.Skill;
import io.openhire.skills.SkillMatch;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a resume's text into a {@link Profile}. Rule-based and explainable: sections by their
 * headings; contacts by pattern (phones through libphonenumber, as E.164); work history anchored on
 * date ranges with the title and employer found around them; education anchored on degree names;
 * skills from the taxonomy. No state; safe to share between threads.
 *
 * <p>Bump {@link #VERSION} whenever a change alters what it extracts: profiles carry the version, and
 * a bulk re-parse picks up the ones built by an older parser.
 */
public final class ResumeParser {

    public static final String VERSION = "1.0.0";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern NAME_LABEL = Pattern.compile("(?i)^name\\s*[:\\-]\\s*(.+)$");
    private static final Pattern DEGREE_FIELD =
            Pattern.compile("^(?:in|of|-|–|,|:)\\s*([A-Za-z&,. ]{2,60}?)(?=\\s*(?:[,(|–-]|\\bfrom\\b|\\bat\\b|$))");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b((?:https?://|www\\.)[^\\s,;()<>\"]+|(?:[a-z]{2,3}\\.)?linkedin\\.com/[^\\s,;()<>\"]+|github\\.com/[^\\s,;()<>\"]+)");
    private static final Pattern BULLET = Pattern.compile("^[\\s•·▪●◦○■□➢➤►▶✓✔*\\-–—>]+\\s*");
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
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d{2})\\b");
    private static final Pattern LABELLED_LOCATION = Pattern.compile(
            "(?i)^(?:location|address|current location|city|based in|residence|lives in)\\s*[:\\-–]?\\s+(.{3,80})$");
    private static final Pattern DEGREE = Pattern.compile(
            "\\b(Ph\\.?\\s?D\\.?|Doctorate|Doctor of [A-Z][a-z]+|M\\.?\\s?B\\.?\\s?A\\b\\.?|Masters?(?:'s)?(?: of| in)? (?:[A-Z][A-Za-z]+(?: (?:of |and )?[A-Z][A-Za-z]+){0,2})|Bachelors?(?:'s)?(?: of| in)? (?:[A-Z][A-Za-z]+(?: (?:of |and )?[A-Z][A-Za-z]+){0,2})|Associate(?:'s)? (?:Degree|of [A-Z][a-z]+(?: [A-Z][a-z]+)?)|B\\.?\\s?Tech\\b\\.?|M\\.?\\s?Tech\\b\\.?|B\\.\\s?E\\b\\.?|BE\\b|M\\.\\s?E\\b\\.?|B\\.?\\s?Sc\\b\\.?|M\\.?\\s?Sc\\b\\.?|B\\.?\\s?Com\\b\\.?|M\\.?\\s?Com\\b\\.?|B\\.?\\s?C\\.?\\s?A\\b\\.?|M\\.?\\s?C\\.?\\s?A\\b\\.?|B\\.?\\s?B\\.?\\s?A\\b\\.?|B\\.\\s?A\\b\\.?|M\\.\\s?A\\b\\.?|B\\.\\s?S\\b\\.?|M\\.\\s?S\\b\\.?|BS\\b|MS\\b|BA\\b|LL\\.?\\s?B\\b\\.?|LL\\.?\\s?M\\b\\.?|MBBS|B\\.?\\s?Pharm|M\\.?\\s?Pharm|PGDM|PGDBA|Post[ -]Graduate Diploma(?: in [A-Z][A-Za-z]+)?|High School Diploma|High School|Diploma(?: in [A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)?|HSC|SSC|Higher Secondary|Senior Secondary|Secondary School|A[- ]Levels?|GED|12th|10th)");
    private static final Pattern INSTITUTION = Pattern.compile(
            "(?i)\\b(university|universit[éy]|college|institute|institution|school|academy|polytechnic|iit|nit|iiit|vidyalaya|vidyapeeth|vidyapith|mahavidyalaya|universidad|hochschule|faculty of)\\b");
    private static final Set<String> TITLE_WORDS = Set.of(
            "engineer",
            "developer",
            "manager",
            "analyst",
            "consultant",
            "architect",
            "designer",
            "administrator",
            "specialist",
            "director",
            "lead",
            "officer",
            "executive",
            "assistant",
            "associate",
            "intern",
            "trainee",
            "accountant",
            "advocate",
            "lawyer",
            "attorney",
            "teacher",
            "professor",
            "lecturer",
            "nurse",
            "technician",
            "coordinator",
            "supervisor",
            "representative",
            "agent",
            "scientist",
            "researcher",
            "programmer",
            "tester",
            "head",
            "president",
            "vp",
            "founder",
            "owner",
            "clerk",
            "cashier",
            "chef",
            "cook",
            "driver",
            "operator",
            "mechanic",
            "electrician",
            "pilot",
            "recruiter",
            "controller",
            "auditor",
            "banker",
            "advisor",
            "adviser",
            "counselor",
            "counsellor",
            "therapist",
            "pharmacist",
            "physician",
            "doctor",
            "editor",
            "writer",
            "artist",
            "photographer",
            "planner",
            "buyer",
            "merchandiser",
            "estimator",
            "inspector",
            "foreman",
            "superintendent",
            "instructor",
            "tutor",
            "trainer",
            "coach",
            "receptionist",
            "secretary",
            "bookkeeper",
            "underwriter",
            "strategist",
            "partner",
            "principal",
            "expert",
            "generalist",
            "paralegal",
            "member",
            "staff",
            "worker",
            "sde",
            "dba",
            "cto",
            "ceo",
            "cfo",
            "coo",
            "hr",
            "qa",
            "devops",
            "sre",
            "freelancer",
            "volunteer",
            "apprentice",
            "fellow",
            "graduate",
            "liaison",
            "teller",
            "steward",
            "attendant",
            "dispatcher");
    private static final Set<String> LANGUAGES = Set.of(
            "English",
            "Hindi",
            "Spanish",
            "French",
            "German",
            "Italian",
            "Portuguese",
            "Dutch",
            "Russian",
            "Mandarin",
            "Chinese",
            "Cantonese",
            "Japanese",
            "Korean",
            "Arabic",
            "Turkish",
            "Polish",
            "Swedish",
            "Norwegian",
            "Danish",
            "Finnish",
            "Greek",
            "Hebrew",
            "Urdu",
            "Bengali",
            "Bangla",
            "Punjabi",
            "Tamil",
            "Telugu",
            "Kannada",
            "Malayalam",
            "Marathi",
            "Gujarati",
            "Odia",
            "Oriya",
            "Assamese",
            "Sanskrit",
            "Nepali",
            "Sinhala",
            "Thai",
            "Vietnamese",
            "Indonesian",
            "Malay",
            "Tagalog",
            "Filipino",
            "Swahili",
            "Persian",
            "Farsi",
            "Ukrainian",
            "Czech",
            "Slovak",
            "Hungarian",
            "Romanian",
            "Bulgarian",
            "Serbian",
            "Croatian",
            "Afrikaans",
            "Catalan",
            "Latin");
    private static final Set<String> NAME_PARTICLES =
            Set.of("van", "von", "de", "da", "del", "der", "di", "la", "le", "bin", "binti", "al", "el", "du", "dos");
    private static final Set<String> NOT_NAMES = Set.of(
            "resume",
            "curriculum",
            "vitae",
            "cv",
            "profile",
            "contact",
            "page",
            "confidential",
            "portfolio",
            "st",
            "st.",
            "street",
            "road",
            "rd",
            "rd.",
            "avenue",
            "ave",
            "ave.",
            "lane",
            "drive",
            "apartments",
            "apt",
            "apt.",
            "nagar",
            "colony",
            "sector",
            "floor",
            "block",
            "handle",
            "twitter",
            "facebook",
            "linkedin",
            "github",
            "management",
            "marketing",
            "professional",
            "student",
            "internship",
            "digital",
            "sales",
            "services",
            "summary",
            "objective",
            "skills",
            "experience",
            "education",
            "template",
            "example",
            "seeking",
            "address",
            "phone",
            "email",
            "mobile",
            "india",
            "university",
            "college",
            "school",
            "limited",
            "ltd",
            "pvt",
            "inc",
            "technologies",
            "solutions",
            "systems",
            "software",
            "group");

    private final SkillsTaxonomy taxonomy;
    private final String defaultRegion;
    private final Clock clock;

    public ResumeParser(SkillsTaxonomy taxonomy, String defaultRegion, Clock clock) {
        this.taxonomy = taxonomy;
        this.defaultRegion = defaultRegion;
        this.clock = clock;
    }

    public Profile parse(String text) {
        List<String> lines = lines(text);
        List<Section> sections = Sections.split(lines);
        Map<String, Double> confidence = new LinkedHashMap<>();
        int headerEnd = sections.isEmpty() || sections.getFirst().kind() != Kind.HEADER
                ? 0
                : sections.getFirst().to();

        List<String> emails = emails(text);
        Profile.Links links = links(text);
        Located named = name(lines, Math.min(Math.max(headerEnd, 1), 8));
        String name = named == null ? null : named.value();
        String headline = headline(lines, named, Math.min(Math.max(headerEnd, 2), 10));
        Profile.Location location = location(lines, headerEnd, confidence);
        List<String> phones =
                phones(text, location == null || location.country() == null ? defaultRegion : location.country());
        List<Profile.Work> work = work(lines, sections);
        if (location == null) {
            location = work.stream()
                    .map(Profile.Work::location)
                    .filter(l -> l != null)
                    .map(ResumeParser::place)
                    .filter(l -> l != null)
                    .findFirst()
                    .orElse(null);
            if (location != null) {
                confidence.put("location", 0.5);
            }
        }
        List<Profile.Education> education = education(lines, sections);
        List<Profile.SkillMention> skills = skills(lines, sections);
        List<String> languages = languages(lines, sections);
        List<String> certifications = certifications(lines, sections);
        String summary = summary(lines, sections, headerEnd);
        Double years = totalYears(work);
        if (years != null) {
            confidence.put("totalYearsExperience", 0.8);
        } else {
            years = yearsFromPhrase(text);
            if (years != null) {
                confidence.put("totalYearsExperience", 0.5);
            }
        }

        if (name != null) {
            confidence.put("name", named.line() == 0 ? 0.9 : 0.7);
        }
        if (!emails.isEmpty()) {
            confidence.put("emails", 0.99);
        }
        if (!phones.isEmpty()) {
            confidence.put("phones", 0.9);
        }
        if (!work.isEmpty()) {
            long complete = work.stream()
                    .filter(w -> w.title() != null && w.employer() != null)
                    .count();
            confidence.put("work", complete == work.size() ? 0.8 : 0.5);
        }
        if (!education.isEmpty()) {
            confidence.put(
                    "education",
                    education.stream().allMatch(e -> e.degree() != null && e.institution() != null) ? 0.8 : 0.5);
        }
        if (!skills.isEmpty()) {
            confidence.put("skills", 0.9);
        }
        if (summary != null) {
            confidence.put("summary", 0.7);
        }
        double likelihood = likelihood(text, emails, phones, sections, work, education, skills);
        return new Profile(
                name,
                emails,
                phones,
                location,
                links,
                headline,
                summary,
                work,
                education,
                skills,
                languages,
                certifications,
                years,
                confidence,
                likelihood,
                VERSION,
                taxonomy.version());
    }

    // ---------------------------------------------------------------- text and lines

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.replace('\u00a0', ' ').replace("\t", "   ").split("\\R")) {
            // Text that lost its line breaks (exports, some PDFs) keeps runs of spaces where they were.
            String[] pieces = raw.length() > 200 ? raw.split("\\s{2,}") : new String[] {raw};
            for (String piece : pieces) {
                String line = piece.replaceAll("\\s+", " ").strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    static String stripBullet(String line) {
        return BULLET.matcher(line).replaceFirst("").strip();
    }

    private record Located(String value, int line) {}

    // ---------------------------------------------------------------- contacts

    static List<String> emails(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(m.group().toLowerCase(Locale.ROOT).replaceAll("\\.$", ""));
        }
        return List.copyOf(found);
    }

    static List<String> phones(String text, String region) {
        Set<String> found = new LinkedHashSet<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, 200)) {
            found.add(PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
            if (found.size() == 5) {
                break;
            }
        }
        return List.copyOf(found);
    }

    static Profile.Links links(String text) {
        String linkedin = null;
        String github = null;
        Set<String> other = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group(1).replaceAll("[.)\\]]+$", "");
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.contains("linkedin.com/")) {
                linkedin = linkedin == null ? url : linkedin;
            } else if (lower.contains("github.com/")) {
                github = github == null ? url : github;
            } else if (other.size() < 5) {
                other.add(url);
            }
        }
        return new Profile.Links(linkedin, github, List.copyOf(other));
    }

    // ---------------------------------------------------------------- name, headline, location

    private Located name(List<String> lines, int within) {
        for (int i = 0; i < Math.min(within, lines.size()); i++) {
            String line = lines.get(i).replaceAll("^[\"'“”]+|[\"'“”]+$", "");
            Matcher labelled = NAME_LABEL.matcher(line);
            if (labelled.matches()) {
                line = labelled.group(1);
            }
            for (String piece : line.split("\\s+[|–—-]\\s+|,\\s+|\\s{3,}")) {
                String candidate = looksLikeName(piece.strip());
                if (candidate != null) {
                    return new Located(candidate, i);
                }
            }
        }
        return null;
    }

    static String looksLikeName(String piece) {
        if (piece.isEmpty()
                || piece.length() > 50
                || piece.contains("@")
                || piece.matches(".*\\d.*")
                || Sections.headingOf(piece) != null) {
            return null;
        }
        piece = piece.replaceAll("^[\"'“”]+|[\"'“”.,]+$", "");
        String[] words = piece.split("\\s+");
        if (words.length < 2 || words.length > 4) {
            return null;
        }
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (NOT_NAMES.contains(lower) || TITLE_WORDS.contains(lower.replaceAll("[^a-z]", ""))) {
                return null;
            }
            if (NAME_PARTICLES.contains(lower)) {
                continue;
            }
            if (!w.matches("[A-Z][A-Za-z'’.\\-]*") && !w.matches("[A-Z]\\.?")) {
                return null;
            }
        }
        boolean allCaps = piece.equals(piece.toUpperCase(Locale.ROOT));
        return allCaps ? titleCase(piece) : piece;
    }

    static String titleCase(String s) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '\'' || c == '’';
        }
        return out.toString();
    }

    private String headline(List<String> lines, Located name, int within) {
        int from = name == null ? 0 : name.line() + 1;
        for (int i = from; i < Math.min(within, lines.size()); i++) {
            String line = stripBullet(lines.get(i));
            if (line.split("\\s+").length <= 8
                    && hasTitleWord(line)
                    && !line.contains("@")
                    && Sections.headingOf(line) == null) {
                return line.replaceAll("\\s*[|,–-]\\s*$", "");
            }
        }
        return null;
    }

    static boolean hasTitleWord(String text) {
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (TITLE_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private Profile.Location location(List<String> lines, int headerEnd, Map<String, Double> confidence) {
        for (String line : lines) {
            Matcher labelled = LABELLED_LOCATION.matcher(stripBullet(line));
            if (labelled.matches()) {
                Profile.Location place = place(labelled.group(1));
                if (place != null) {
                    confidence.put("location", 0.9);
                    return place;
                }
            }
        }
        for (int i = 0; i < Math.min(Math.max(headerEnd, 6), lines.size()); i++) {
            Profile.Location place = place(lines.get(i));
            if (place != null) {
                confidence.put("location", 0.8);
                return place;
            }
        }
        return null;
    }

    /** "Pune, Maharashtra", "Austin, TX", "Berlin, Germany" inside a line → a location, if the region is known. */
    static Profile.Location place(String text) {
        return Places.find(text)
                .map(p -> new Profile.Location(p.city(), p.region(), p.country(), p.text()))
                .orElse(null);
    }

    // ---------------------------------------------------------------- work history

    private List<Profile.Work> work(List<String> lines, List<Section> sections) {
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
        List<Profile.Work> jobs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        YearMonth now = YearMonth.now(clock);
        for (int[] range : ranges) {
            for (int i = range[0]; i < range[1]; i++) {
                String line = lines.get(i);
                Period period = period(line, now);
                if (period == null) {
                    continue;
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
                        } else if (place == null && place(p + (parts.length > 1 ? "" : "")) != null) {
                            place = p;
                        } else if (employer == null && !hasTitleWord(p)) {
                            employer = p;
                        }
                    }
                }
                // What the date line lacks is around it: "Title" / "Employer - City, State" / date, or
                // date / "Employer" / "Title". Nearest lines first, above before below.
                boolean lineHasEmployer = employer != null;
                for (int k : neighbours(i, range[0], range[1], lines, now)) {
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
                    Profile.Location trailing = place(head);
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
                String key = period.start() + "|" + period.end() + "|" + title;
                if (seen.add(key)) {
                    jobs.add(new Profile.Work(
                            clean(title),
                            clean(employer),
                            place,
                            period.start().toString(),
                            period.current() ? null : period.end().toString(),
                            period.current(),
                            period.months()));
                }
            }
        }
        jobs.sort(Comparator.comparing(Profile.Work::start).reversed());
        return List.copyOf(jobs);
    }

    private static final Pattern EMPLOYER = Pattern.compile(
            "(?i)\\b(ltd|limited|inc|llc|llp|corp|corporation|company|gmbh|pvt|plc|bank|group|agency|hospital|"
                    + "university|college|institute|technologies|solutions|enterprises|industries|holdings|foundation)\\b\\.?");

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
                && period(s, now) == null
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

    record Period(YearMonth start, YearMonth end, boolean current, int months, int from, int to) {}

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

    /** Years covered by the work history, overlapping jobs counted once. */
    static Double totalYears(List<Profile.Work> work) {
        List<int[]> spans = new ArrayList<>();
        for (Profile.Work w : work) {
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

    // ---------------------------------------------------------------- education

    private List<Profile.Education> education(List<String> lines, List<Section> sections) {
        List<Profile.Education> found = new ArrayList<>();
        boolean hasSection = sections.stream().anyMatch(s -> s.kind() == Kind.EDUCATION);
        for (Section s : sections) {
            if (hasSection && s.kind() != Kind.EDUCATION) {
                continue;
            }
            if (!hasSection && s.kind() == Kind.EXPERIENCE) {
                continue;
            }
            Set<Integer> used = new java.util.HashSet<>();
            for (int i = s.from(); i < s.to(); i++) {
                String line = stripBullet(lines.get(i));
                Matcher d = DEGREE.matcher(line);
                if (!d.find() || (!hasSection && d.group(1).length() <= 3)) {
                    continue;
                }
                String degree = d.group(1).strip();
                String after = line.substring(d.end()).strip();
                String field = null;
                Matcher f = DEGREE_FIELD.matcher(after);
                if (f.find()) {
                    field = f.group(1).strip();
                    if (INSTITUTION.matcher(field).find() || field.isEmpty()) {
                        field = null;
                    }
                }
                String institution = null;
                Integer year = null;
                for (int k = i; k < Math.min(s.to(), i + 3); k++) {
                    if (k > i
                            && DEGREE.matcher(stripBullet(lines.get(k))).find()
                            && !INSTITUTION.matcher(lines.get(k)).find()) {
                        break;
                    }
                    String candidate = stripBullet(lines.get(k));
                    if (institution == null && INSTITUTION.matcher(candidate).find()) {
                        institution = institutionName(candidate, k == i ? d.end() : 0);
                        used.add(k);
                    }
                    Matcher y = YEAR.matcher(candidate);
                    while (y.find()) {
                        int value = Integer.parseInt(y.group(1));
                        if (value <= YearMonth.now(clock).getYear() + 6 && (year == null || value > year)) {
                            year = value;
                        }
                    }
                }
                if (institution == null
                        && i > s.from()
                        && INSTITUTION.matcher(lines.get(i - 1)).find()) {
                    institution = institutionName(stripBullet(lines.get(i - 1)), 0);
                }
                found.add(new Profile.Education(degree, field, institution, year));
            }
            if (found.isEmpty() && hasSection) {
                for (int i = s.from(); i < s.to(); i++) {
                    String line = stripBullet(lines.get(i));
                    if (INSTITUTION.matcher(line).find()) {
                        Matcher y = YEAR.matcher(line);
                        found.add(new Profile.Education(
                                null, null, institutionName(line, 0), y.find() ? Integer.valueOf(y.group(1)) : null));
                    }
                }
            }
        }
        return List.copyOf(found.subList(0, Math.min(found.size(), 8)));
    }

    private static String institutionName(String line, int from) {
        String tail = line.substring(Math.min(from, line.length()));
        for (String part : tail.split("\\s*[,|(–]\\s*|\\s+-\\s+|\\s+from\\s+|\\s+at\\s+")) {
            if (INSTITUTION.matcher(part).find()) {
                return part.replaceAll("\\b(?:19|20)\\d{2}\\b", "")
                        .replaceAll("\\s+", " ")
                        .strip();
            }
        }
        return tail.strip();
    }

    // ---------------------------------------------------------------- skills, languages, certifications, summary

    private List<Profile.SkillMention> skills(List<String> lines, List<Section> sections) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Skill> byId = new LinkedHashMap<>();
        for (Section s : sections) {
            boolean listed = s.kind() == Kind.SKILLS;
            StringBuilder text = new StringBuilder();
            if (s.inline() != null) {
                text.append(s.inline()).append('\n');
            }
            for (int i = s.from(); i < s.to(); i++) {
                text.append(lines.get(i)).append('\n');
            }
            for (SkillMatch match : taxonomy.find(text.toString())) {
                Skill skill = match.skill();
                // Competences ("communication") only count where the resume claims them, or repeatedly.
                byId.putIfAbsent(skill.id(), skill);
                int[] c = counts.computeIfAbsent(skill.id(), id -> new int[2]);
                c[0]++;
                if (listed) {
                    c[1] = 1;
                }
            }
        }
        List<Profile.SkillMention> skills = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Skill skill = byId.get(e.getKey());
            int mentions = e.getValue()[0];
            boolean listed = e.getValue()[1] == 1;
            boolean competence = skill.kind() == Skill.Kind.COMPETENCE;
            if (competence && !listed && mentions < 2) {
                continue;
            }
            skills.add(new Profile.SkillMention(
                    skill.id(), skill.name(), skill.kind().name(), mentions, listed));
        }
        skills.sort(Comparator.comparing(Profile.SkillMention::listed)
                .thenComparingInt(Profile.SkillMention::mentions)
                .reversed());
        return List.copyOf(skills.subList(0, Math.min(skills.size(), 80)));
    }

    private static List<String> languages(List<String> lines, List<Section> sections) {
        Set<String> found = new LinkedHashSet<>();
        for (Section s : sections) {
            if (s.kind() != Kind.LANGUAGES) {
                continue;
            }
            StringBuilder text = new StringBuilder(s.inline() == null ? "" : s.inline());
            for (int i = s.from(); i < Math.min(s.to(), s.from() + 10); i++) {
                text.append(' ').append(lines.get(i));
            }
            for (String word : text.toString().split("[^A-Za-z]+")) {
                String w = word.isEmpty()
                        ? word
                        : Character.toUpperCase(word.charAt(0))
                                + word.substring(1).toLowerCase(Locale.ROOT);
                if (LANGUAGES.contains(w)) {
                    found.add(w);
                }
            }
        }
        return List.copyOf(found);
    }

    private static List<String> certifications(List<String> lines, List<Section> sections) {
        Set<String> found = new LinkedHashSet<>();
        for (Section s : sections) {
            if (s.kind() == Kind.CERTIFICATIONS) {
                if (s.inline() != null) {
                    for (String part : s.inline().split("\\s*[,;]\\s*")) {
                        if (!part.isBlank()) {
                            found.add(part.strip());
                        }
                    }
                }
                for (int i = s.from(); i < Math.min(s.to(), s.from() + 15); i++) {
                    String line = stripBullet(lines.get(i));
                    if (!line.isEmpty() && line.split("\\s+").length <= 20) {
                        found.add(line);
                    }
                }
            }
        }
        for (String raw : lines) {
            String line = stripBullet(raw);
            if (found.size() < 20
                    && line.split("\\s+").length <= 14
                    && line.matches("(?i).*\\b(certified|certification|certificate)\\b.*")
                    && Sections.headingOf(line) == null) {
                found.add(line);
            }
        }
        return List.copyOf(found).subList(0, Math.min(found.size(), 20));
    }

    private static String summary(List<String> lines, List<Section> sections, int headerEnd) {
        for (Section s : sections) {
            if (s.kind() == Kind.SUMMARY && s.to() > s.from()) {
                String text = String.join(" ", lines.subList(s.from(), Math.min(s.to(), s.from() + 12)));
                return text.length() > 1000 ? text.substring(0, 1000) : text;
            }
        }
        for (int i = 0; i < Math.min(headerEnd, lines.size()); i++) {
            String line = lines.get(i);
            if (line.split("\\s+").length >= 15 && !line.contains("@")) {
                return line.length() > 1000 ? line.substring(0, 1000) : line;
            }
        }
        return null;
    }

    private static double likelihood(
            String text,
            List<String> emails,
            List<String> phones,
            List<Section> sections,
            List<Profile.Work> work,
            List<Profile.Education> education,
            List<Profile.SkillMention> skills) {
        double score = 0;
        if (!emails.isEmpty() || !phones.isEmpty()) {
            score += 0.2;
        }
        long known = sections.stream()
                .map(Section::kind)
                .filter(k -> k != Kind.HEADER && k != Kind.OTHER)
                .distinct()
                .count();
        score += known >= 2 ? 0.2 : known == 1 ? 0.1 : 0;
        if (!work.isEmpty()) {
            score += 0.2;
        }
        if (!education.isEmpty()) {
            score += 0.15;
        }
        if (skills.size() >= 3) {
            score += 0.15;
        }
        int words = text.split("\\s+").length;
        if (words >= 80 && words <= 5000) {
            score += 0.1;
        }
        return Math.round(score * 100) / 100.0;
    }
}
