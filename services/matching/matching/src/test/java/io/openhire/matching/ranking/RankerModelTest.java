package io.openhire.matching.ranking;

import static io.openhire.matching.events.ScoreCategory.LOCATION;
import static io.openhire.matching.events.ScoreCategory.REQUIRED_SKILLS;
import static io.openhire.matching.events.ScoreCategory.SALARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openhire.matching.events.ScoreCategory;
import io.openhire.platform.errors.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The ranker as the registry ships it, and the weights a recruiter may set for a job. */
class RankerModelTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theRegistrysShippedVersionOneReadsAsTheBuiltInCopy() throws IOException {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/openhire/model-registry/match-ranker-v1.json")) {
            assertThat(in)
                    .as("model-registry's match-ranker-v1.json on the test class path")
                    .isNotNull();
            file = in.readAllBytes();
        }

        RankerModel v1 = RankerModel.parse(1, file, JSON);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.weights()).isEqualTo(RankerModel.builtIn().weights());
        assertThat(v1.lexicalCandidates()).isEqualTo(200);
        assertThat(v1.vectorCandidates()).isEqualTo(100);
    }

    @Test
    void aCategoryTheFileDoesNotNameWeighsNothing() {
        RankerModel skillsOnly = RankerModel.parse(
                7, file("{\"format\": \"openhire-weighted-ranker/1\", \"weights\": {\"requiredSkills\": 1}}"), JSON);

        assertThat(skillsOnly.weights()).containsEntry(REQUIRED_SKILLS, 1.0).containsEntry(SALARY, 0.0);
        assertThat(skillsOnly.weights().keySet()).containsExactly(ScoreCategory.values());
    }

    @Test
    void aFileWithAnUnknownCategoryIsRefusedByName() {
        byte[] typo = file(
                "{\"format\": \"openhire-weighted-ranker/1\", \"weights\": {\"requiredSkill\": 0.5, \"title\": 0.5}}");

        assertThatThrownBy(() -> RankerModel.parse(3, typo, JSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("match-ranker version 3")
                .hasMessageContaining("\"requiredSkill\"")
                .hasMessageContaining("requiredSkills");
    }

    @Test
    void aFileOfAnotherFormatOrWithoutWeightIsRefused() {
        assertThatThrownBy(() -> RankerModel.parse(2, file("{\"format\": \"xgboost\"}"), JSON))
                .hasMessageContaining("not an openhire-weighted-ranker/1 file");
        assertThatThrownBy(() -> RankerModel.parse(
                        2, file("{\"format\": \"openhire-weighted-ranker/1\", \"weights\": {\"title\": 0}}"), JSON))
                .hasMessageContaining("all 0");
        assertThatThrownBy(() -> RankerModel.parse(
                        2, file("{\"format\": \"openhire-weighted-ranker/1\", \"weights\": {\"title\": -1}}"), JSON))
                .hasMessageContaining("not negative");
    }

    @Test
    void aJobsWeightsAreReadByTheirKeys() {
        Map<String, Double> asSent = new LinkedHashMap<>();
        asSent.put("location", 2.0);
        asSent.put("requiredSkills", 0.0);

        assertThat(RankerModel.validWeights(asSent))
                .containsExactly(Map.entry(REQUIRED_SKILLS, 0.0), Map.entry(LOCATION, 2.0));
    }

    @Test
    void aJobsWeightsNameKnownCategoriesFromZeroToTen() {
        assertInvalid(Map.of("charm", 1.0), "weights", "unknown category; use " + RankerModel.KEYS);
        assertInvalid(Map.of("title", -1.0), "weights.title", "must be a number from 0 to 10");
        assertInvalid(Map.of("title", 11.0), "weights.title", "must be a number from 0 to 10");
        assertInvalid(Map.of("title", 0.0), "weights", "at least one weight must be above 0");
        assertInvalid(Map.of(), "weights", "must name at least one of " + RankerModel.KEYS);
    }

    private static void assertInvalid(Map<String, Double> weights, String field, String message) {
        assertThatThrownBy(() -> RankerModel.validWeights(weights)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.category()).isEqualTo(DomainException.Category.INVALID);
            assertThat(e.kind()).isEqualTo("validation");
            assertThat(e.properties().get("errors")).isEqualTo(List.of(Map.of("field", field, "message", message)));
        });
    }

    private static byte[] file(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
