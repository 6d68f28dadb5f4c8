package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Name;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Place;
import io.openhire.resumeprocessing.parsing.Sections.Kind;
import io.openhire.resumeprocessing.parsing.Sections.Section;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a resume's text into a {@link CandidateProfile}. A learned tagger ({@link ResumeTagger}) marks the
 * name, headline and job titles, employers and skills; rules do what rules do better and frame what it
 * marks. The rules: sections by their headings
 * ({@link Sections}); contacts by pattern, phones through libphonenumber as E.164 ({@link Contacts}); name,
 * headline and location from the header ({@link NameAndLocation}); work history anchored on date periods
 * with the title and employer found around them ({@link WorkHistory}, {@link Periods}); education anchored
 * on degree names ({@link EducationHistory}); skills from the taxonomy, languages and certifications
 * ({@link SkillsAndLanguages}); how sure it is ({@link Confidence}). The word lists are resources under
 * {@code openhire/resume-processing/} ({@link WordLists}). No state; safe to share between threads.
 *
 * <p>Bump {@link #VERSION} whenever a change alters what it extracts: profiles carry the version, and
 * a bulk re-parse picks up the ones built by an older parser.
 */
public final class ResumeParser {

    public static final String VERSION = "2.2.0";

    /** The tagger's name wins over the rules' when it is at least this sure of every word. */
    static final double NAME_CONFIDENCE = 0.5;

    private final SkillsTaxonomy taxonomy;
    private final Supplier<ResumeTagger> tagger;
    private final SkillsAndLanguages skills;
    private final String defaultRegion;
    private final Clock clock;

    /**
     * @param defaultRegion ISO country for phone numbers without a country code, when the resume's own
     *     location does not say
     * @param clock "present" in a date range, and the latest plausible dates
     */
    public ResumeParser(SkillsTaxonomy taxonomy, String defaultRegion, Clock clock) {
        this(taxonomy, ResumeTagger.load(taxonomy), defaultRegion, clock);
    }

    /** @param tagger the learned tagger, or null for the rules alone */
    public ResumeParser(SkillsTaxonomy taxonomy, ResumeTagger tagger, String defaultRegion, Clock clock) {
        this(taxonomy, () -> tagger, defaultRegion, clock);
    }

    /**
     * @param tagger the tagger to read with, asked once per resume (the service's is the registry's champion, which
     *     a promotion swaps while resumes are being read: one resume is read by one model); it may give null
     *     for the rules alone
     */
    public ResumeParser(SkillsTaxonomy taxonomy, Supplier<ResumeTagger> tagger, String defaultRegion, Clock clock) {
        this.taxonomy = taxonomy;
        this.tagger = tagger;
        this.skills = new SkillsAndLanguages(taxonomy);
        this.defaultRegion = defaultRegion;
        this.clock = clock;
    }

    public CandidateProfile parse(String text) {
        return parse(text, this.tagger.get());
    }

    /** Reads with this tagger (null: the rules alone), whatever the parser's own supplier gives now. */
    public CandidateProfile parse(String text, ResumeTagger tagger) {
        List<String> lines = Lines.split(text);
        List<Section> sections = Sections.split(lines);
        int headerEnd = sections.isEmpty() || sections.getFirst().kind() != Kind.HEADER
                ? 0
                : sections.getFirst().to();
        YearMonth now = YearMonth.now(clock);
        TaggedLines tagged = tagger == null ? TaggedLines.none(lines.size()) : TaggedLines.both(tagger, lines, text);
        // Fields the tagger decided carry its own confidence: the probability of its reading, word by word.
        Map<String, Double> learned = new LinkedHashMap<>();

        Name name = NameAndLocation.name(lines, Math.min(Math.max(headerEnd, 1), 8));
        int nameLine = tagged.firstLine(ResumeTagger.Field.NAME, 0, 10);
        if (nameLine >= 0) {
            TaggedLines.Span span = tagged.first(ResumeTagger.Field.NAME, nameLine, nameLine + 1);
            if (span.score() >= NAME_CONFIDENCE) {
                String written = NameAndLocation.looksLikeName(span.text().strip());
                name = new Name(written != null ? written : span.text().strip(), nameLine);
                learned.put("name", span.score());
            }
        }
        int headerLines = Math.min(Math.max(headerEnd, 2), 10);
        TaggedLines.Span title = tagged.first(ResumeTagger.Field.TITLE, name == null ? 0 : name.line(), headerLines);
        String headline = title != null ? title.text().strip() : NameAndLocation.headline(lines, name, headerLines);
        if (title != null) {
            learned.put("headline", title.score());
        }
        Place place = NameAndLocation.location(lines, headerEnd);
        TaggedLines.Span taggedPlace = tagged.first(ResumeTagger.Field.LOCATION, 0, Math.max(headerEnd, 6));
        if (place == null && taggedPlace != null) {
            // "Bengaluru, Karnataka" is read into its parts; a place the gazetteer does not know keeps its text.
            CandidateProfile.Location known = NameAndLocation.place(taggedPlace.text());
            String written = taggedPlace.text().strip();
            place = new Place(
                    known != null ? known : new CandidateProfile.Location(null, null, null, written),
                    Place.Source.HEADER);
        }
        // Phone numbers without a country code are read in the country the resume itself names.
        String region = place == null || place.location().country() == null
                ? defaultRegion
                : place.location().country();
        List<CandidateProfile.Work> work = WorkHistory.of(lines, sections, now, tagged);
        if (place == null) {
            place = NameAndLocation.fromWorkHistory(work);
        }
        Extraction found = new Extraction(
                name,
                Contacts.emails(text),
                Contacts.phones(text, region),
                place,
                Contacts.links(text),
                headline,
                Summary.of(lines, sections, headerEnd),
                work,
                EducationHistory.of(lines, sections, now.getYear(), tagged),
                skills.skills(lines, sections, tagged),
                SkillsAndLanguages.languages(lines, sections),
                SkillsAndLanguages.certifications(lines, sections),
                Periods.yearsOfExperience(work, text));
        Map<String, Double> confidence = new LinkedHashMap<>(Confidence.of(found));
        learned.forEach((field, score) -> confidence.put(field, Math.round(score * 100) / 100.0));
        return found.toProfile(
                confidence,
                Confidence.resumeLikelihood(text, sections, found),
                VERSION,
                taxonomy.version(),
                Mentioned.of(tagged, found));
    }
}
