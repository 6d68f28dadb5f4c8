package io.openhire.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People's names, from what surrounds them: a form of address ("Dr. Jane Doe"), a label ("Name: Jane
 * Doe", "Contact person: …"), a greeting or signature ("Dear Jane", "Regards,\nJane Doe"), a phrase
 * ("my name is", "reports to"); a known given name followed by a capitalised word ("Priya Raman"); and a
 * resume's header, a first line that is two to four capitalised words and nothing else.
 */
public final class PersonRecogniser implements Recogniser {

    private static final Set<String> FIRST_NAMES = Gazetteer.load("first-names.txt");

    /** A capitalised name word: "O'Neil", "Jean-Luc", "McDonald", "Ó Briain". */
    private static final String WORD = "\\p{Lu}[\\p{Ll}'’-]*\\p{Ll}[\\p{L}'’-]*";

    private static final String NAME = WORD + "(?:[ ]{1,2}" + "(?:(?:van|von|de|der|den|da|di|du|del|la|le|bin|al)[ ])?"
            + "(?:" + WORD + "|\\p{Lu}\\.))" + "{0,3}";

    private static final Pattern TITLED =
            Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Herr|Frau|Mme|Mlle|M)\\.?[ ](" + NAME + ")");

    private static final Pattern LABELLED = Pattern.compile("(?i:\\b(?:full[ ]name|name|candidate|applicant|"
            + "contact(?:[ ]person)?|recruiter|employee|payroll|holder|account[ ]holder|hiring[ ]manager|referee|reference|emergency[ ]contact|signed|"
            + "attn|attention|from|to|cc)\\b)[ \\t]*[:\\-][ \\t]*(" + NAME + ")");

    private static final Pattern PHRASE = Pattern.compile("(?i:\\b(?:my[ ]name[ ]is|i[ ]am|i'm|this[ ]is|dear|hi|"
            + "hello|thanks|thank[ ]you|regards|sincerely|best|cheers|yours|reports[ ]to|reporting[ ]to|managed[ ]by|"
            + "supervised[ ]by|spoke[ ]with|met[ ]with|call[ ]with|meeting[ ]with|interviewed[ ]by|named|called|"
            + "the[ ]user|the[ ]candidate|candidate|applicant|colleague|cv[ ]of|resume[ ]of|profile[ ]of|referred[ ]by|"
            + "holder|asked|invited|hired|forwarded[ ]to|sent[ ]to|contact|ask|tell|cc)"
            + "),?[ \\t\\n]+(" + NAME + ")");

    private static final Pattern CAPITALISED_PAIR = Pattern.compile("\\b(" + WORD + ")[ ](" + NAME + ")");

    /**
     * Capitalised words a sentence or a phrase above takes for a name when they are not: headings, days, months,
     * parts of addresses and companies (the learned tagger's single words are checked against them too).
     */
    static final Set<String> NOT_NAMES = Set.of(
            "i",
            "the",
            "a",
            "an",
            "we",
            "our",
            "team",
            "sir",
            "madam",
            "all",
            "everyone",
            "hiring",
            "manager",
            "looking",
            "interested",
            "available",
            "happy",
            "writing",
            "applying",
            "currently",
            "based",
            "from",
            "senior",
            "junior",
            "lead",
            "head",
            "chief",
            "director",
            "engineer",
            "developer",
            "software",
            "data",
            "summary",
            "profile",
            "experience",
            "education",
            "skills",
            "objective",
            "contact",
            "resume",
            "curriculum",
            "vitae",
            "cv",
            "references",
            "languages",
            "certifications",
            "projects",
            "email",
            "phone",
            "address",
            "mobile",
            "linkedin",
            "github",
            "university",
            "college",
            "school",
            "company",
            "inc",
            "ltd",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    @Override
    public java.util.Set<PiiType> types() {
        return java.util.Set.of(PiiType.PERSON);
    }

    @Override
    public String name() {
        return "person";
    }

    @Override
    public List<PiiSpan> find(String text) {
        List<PiiSpan> found = new ArrayList<>();
        add(text, found, TITLED.matcher(text), 0.85);
        add(text, found, LABELLED.matcher(text), 0.85);
        add(text, found, PHRASE.matcher(text), 0.75);
        Matcher pair = CAPITALISED_PAIR.matcher(text);
        while (pair.find()) {
            if (FIRST_NAMES.contains(pair.group(1).toLowerCase(Locale.ROOT))) {
                addName(text, found, pair.start(), pair.end(), 0.7);
            }
        }
        header(text, found);
        return found;
    }

    private void add(String text, List<PiiSpan> found, Matcher m, double score) {
        while (m.find()) {
            addName(text, found, m.start(1), m.end(1), score);
        }
    }

    /**
     * Adds the name in {@code [start, end)} once the words that are not names are cut from its end ("Jane
     * Doe Senior" is Jane Doe); nothing when its first word is one of them ("Dear Hiring Manager").
     */
    private void addName(String text, List<PiiSpan> found, int start, int end, double score) {
        List<int[]> words = new ArrayList<>();
        Matcher word = WORD_IN_NAME.matcher(text).region(start, end);
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        if (words.isEmpty() || NOT_NAMES.contains(bare(text, words.getFirst()))) {
            return;
        }
        int kept = words.size();
        while (kept > 1 && NOT_NAMES.contains(bare(text, words.get(kept - 1)))) {
            kept--;
        }
        found.add(new PiiSpan(PiiType.PERSON, start, words.get(kept - 1)[1], score, name()));
    }

    private static final Pattern WORD_IN_NAME = Pattern.compile("\\S+");

    private static String bare(String text, int[] word) {
        return bare(text.substring(word[0], word[1]));
    }

    private static String bare(String word) {
        return word.replaceAll("[.'’]+$", "").toLowerCase(Locale.ROOT);
    }

    private void header(String text, List<PiiSpan> found) {
        int from = 0;
        while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        int lineEnd = text.indexOf('\n', from);
        String line = (lineEnd < 0 ? text.substring(from) : text.substring(from, lineEnd)).strip();
        if (line.matches(NAME) && line.split(" ").length >= 2 && line.split(" ").length <= 4 && notWords(line)) {
            found.add(new PiiSpan(PiiType.PERSON, from, from + line.length(), 0.65, name()));
        }
    }

    private static boolean notWords(String phrase) {
        for (String word : phrase.split(" ")) {
            if (NOT_NAMES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
