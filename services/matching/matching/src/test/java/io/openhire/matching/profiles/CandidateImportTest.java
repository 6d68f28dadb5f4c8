package io.openhire.matching.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.openhire.resumeprocessing.client.CandidateProfile;
import io.openhire.resumeprocessing.client.ProfileView;
import io.openhire.resumeprocessing.events.ResumeParsed;
import io.openhire.skills.SkillsTaxonomy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A parsed resume, as resume-processing's client answers it, becomes what matching ranks on and who it is. */
class CandidateImportTest {

    static final SkillsTaxonomy TAXONOMY = SkillsTaxonomy.load();
    static final UUID ORG = UUID.randomUUID();

    final CandidateImport candidateImport = new CandidateImport(TAXONOMY);

    static ResumeParsed parsed(UUID resumeId, List<String> titles) {
        return new ResumeParsed(
                resumeId,
                ORG,
                2,
                "parser-1",
                TAXONOMY.version(),
                titles.isEmpty() ? null : titles.getFirst(),
                titles,
                List.of(new ResumeParsed.Skill("java", "Java")),
                8.0,
                new ResumeParsed.Location("Berlin", "Berlin", "DE"),
                null,
                List.of("en"),
                Instant.parse("2026-11-20T10:00:00Z"));
    }

    static ProfileView view(UUID resumeId, String name, List<String> emails, String text) {
        CandidateProfile profile = new CandidateProfile(
                name,
                emails,
                List.of("+49 30 901820"),
                null,
                null,
                "Backend engineer at " + name + " Consulting",
                null,
                List.of(new CandidateProfile.Work("Platform Engineer", "Northwind", null, "2018-03", null, true, 80)),
                List.of(),
                List.of(new CandidateProfile.SkillMention("apache-kafka", "Apache Kafka", "tool", 3, true)),
                List.of("en"),
                List.of(),
                8.0,
                Map.of(),
                0.9,
                "parser-1",
                TAXONOMY.version(),
                CandidateProfile.Mentions.NONE);
        return new ProfileView(
                resumeId,
                ProfileView.PARSED,
                null,
                3,
                "parser-1",
                TAXONOMY.version(),
                40,
                Instant.now(),
                profile,
                text);
    }

    @Test
    void whoTheCandidateIsIsKeptApartFromWhatIsRanked() {
        UUID resumeId = UUID.randomUUID();
        ProfileView view = view(
                resumeId,
                "Priya Raman",
                List.of("Priya.Raman@example.test"),
                "Priya Raman\npriya.raman@example.test | +49 30 901820\nDesigned order flows with Apache Kafka.");

        CandidateImport.Imported imported = candidateImport.fromProfile(parsed(resumeId, List.of()), view);

        assertThat(imported.identity().name()).isEqualTo("Priya Raman");
        assertThat(imported.identity().emails()).containsExactly("Priya.Raman@example.test");
        assertThat(imported.identity().phones()).containsExactly("+49 30 901820");
        assertThat(imported.searchText()).isEqualTo("Designed order flows with Apache Kafka.");
        assertThat(imported.facts().headline()).doesNotContain("Priya", "Raman");
        assertThat(imported.facts().evidence())
                .containsEntry("apache-kafka", List.of("Designed order flows with Apache Kafka."));
    }

    @Test
    void theFactsComeFromTheProfileAndTheEvent() {
        UUID resumeId = UUID.randomUUID();
        ProfileView view = view(resumeId, "Tom Becker", List.of("tom@example.test"), "Kafka");

        CandidateFacts facts =
                candidateImport.fromProfile(parsed(resumeId, List.of()), view).facts();

        assertThat(facts.skills()).containsExactly(new CandidateFacts.Skill("apache-kafka", "Apache Kafka", 3, true));
        assertThat(facts.titles())
                .as("the work history's, the event named none")
                .containsExactly("Platform Engineer");
        assertThat(facts.revision()).isEqualTo(3);
        assertThat(facts.years()).isEqualTo(8.0);
        assertThat(facts.location()).isEqualTo(new Place("Berlin", "Berlin", "DE"));
    }

    @Test
    void resumesWithTheSameFirstEmailAreOneCandidate() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID withoutEmail = UUID.randomUUID();

        UUID a = candidateImport
                .fromProfile(
                        parsed(first, List.of("Engineer")),
                        view(first, "Priya Raman", List.of("priya@example.test"), ""))
                .facts()
                .candidateId();
        UUID b = candidateImport
                .fromProfile(
                        parsed(second, List.of("Engineer")),
                        view(second, "Priya Raman", List.of(" PRIYA@example.test", "other@example.test"), ""))
                .facts()
                .candidateId();
        UUID c = candidateImport
                .fromProfile(
                        parsed(withoutEmail, List.of("Engineer")), view(withoutEmail, "Priya Raman", List.of(), ""))
                .facts()
                .candidateId();

        assertThat(a).isEqualTo(b);
        assertThat(c).isEqualTo(withoutEmail);
    }
}
