package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Name;
import io.openhire.resumeprocessing.parsing.NameAndLocation.Place;
import io.openhire.resumeprocessing.parsing.Periods.YearsOfExperience;
import java.util.ArrayList;
import java.util.List;

/** What the parts found, for the confidence tests: {@code anExtraction().name("Priya Raman", 0).emails(1)}. */
final class ExtractionBuilder {

    private Name name;
    private final List<String> emails = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private Place location;
    private String summary;
    private final List<CandidateProfile.Work> work = new ArrayList<>();
    private final List<CandidateProfile.Education> education = new ArrayList<>();
    private final List<CandidateProfile.SkillMention> skills = new ArrayList<>();
    private YearsOfExperience years;

    static ExtractionBuilder anExtraction() {
        return new ExtractionBuilder();
    }

    /** Priya's resume as the parts read it: every field found, every job and degree complete. */
    static ExtractionBuilder everythingFound() {
        return anExtraction()
                .name("Priya Raman", 0)
                .email("priya.raman@example.test")
                .phone("+4930901820")
                .location(Place.Source.HEADER)
                .summary("Backend engineer with 8 years of experience.")
                .job("Senior Backend Engineer", "Northwind Logistics GmbH")
                .degree("Bachelor of Science", "Technical University of Munich")
                .skills(3)
                .years(10.5, YearsOfExperience.Source.WORK_HISTORY);
    }

    ExtractionBuilder name(String value, int line) {
        name = new Name(value, line);
        return this;
    }

    ExtractionBuilder email(String email) {
        emails.add(email);
        return this;
    }

    ExtractionBuilder phone(String phone) {
        phones.add(phone);
        return this;
    }

    ExtractionBuilder location(Place.Source source) {
        location = new Place(new CandidateProfile.Location("Berlin", "Berlin", "DE", "Berlin, Germany"), source);
        return this;
    }

    ExtractionBuilder summary(String text) {
        summary = text;
        return this;
    }

    /** A job; a null title or employer makes it incomplete. */
    ExtractionBuilder job(String title, String employer) {
        work.add(new CandidateProfile.Work(title, employer, null, "2020-03", null, true, 81));
        return this;
    }

    /** A degree; a null degree or institution makes it incomplete. */
    ExtractionBuilder degree(String degree, String institution) {
        education.add(new CandidateProfile.Education(degree, null, institution, 2016));
        return this;
    }

    ExtractionBuilder skills(int count) {
        for (int i = 0; i < count; i++) {
            skills.add(new CandidateProfile.SkillMention("skill-" + i, "Skill " + i, "TECHNOLOGY", 1, true));
        }
        return this;
    }

    ExtractionBuilder years(double value, YearsOfExperience.Source source) {
        years = new YearsOfExperience(value, source);
        return this;
    }

    Extraction build() {
        return new Extraction(
                name,
                List.copyOf(emails),
                List.copyOf(phones),
                location,
                new CandidateProfile.Links(null, null, List.of()),
                null,
                summary,
                List.copyOf(work),
                List.copyOf(education),
                List.copyOf(skills),
                List.of(),
                List.of(),
                years);
    }
}
