package io.openhire.matching.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ScoreCategoryTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void categoriesAreWrittenAndReadByTheirKeysAlsoAsMapKeys() {
        Map<ScoreCategory, Double> weights = new EnumMap<>(ScoreCategory.class);
        weights.put(ScoreCategory.REQUIRED_SKILLS, 0.3);
        weights.put(ScoreCategory.SEMANTIC, 0.2);

        String written = json.writeValueAsString(weights);

        assertThat(written).isEqualTo("{\"requiredSkills\":0.3,\"semantic\":0.2}");
        assertThat(json.readValue(written, new TypeReference<Map<ScoreCategory, Double>>() {}))
                .isEqualTo(weights);
        assertThat(json.writeValueAsString(ScoreCategory.NICE_TO_HAVE_SKILLS)).isEqualTo("\"niceToHaveSkills\"");
    }

    @Test
    void anUnknownCategoryIsRefusedNotIgnored() {
        assertThatThrownBy(() -> json.readValue("\"requiredSkill\"", ScoreCategory.class))
                .hasMessageContaining("requiredSkill");
        assertThat(ScoreCategory.ofKey("salary")).contains(ScoreCategory.SALARY);
        assertThat(ScoreCategory.ofKey("salaries")).isEmpty();
    }
}
