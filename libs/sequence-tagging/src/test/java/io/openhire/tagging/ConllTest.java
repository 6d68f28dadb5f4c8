package io.openhire.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConllTest {

    @Test
    void twoTagColumnsFoldIntoOneTagPerWordWithoutCuttingASpan() {
        List<String> lines = List.of(
                "Senior\tO\tO",
                "Python\tO\tB-Knowledge",
                "developer\tO\tO",
                "",
                "manage\tB-Skill\tO",
                "cloud\tI-Skill\tB-Knowledge",
                "budgets\tI-Skill\tO",
                "");
        List<TaggedSentence> sentences = Conll.parse(lines);
        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).tags()).containsExactly("O", "B-Knowledge", "O");
        assertThat(sentences.get(1).tags()).containsExactly("B-Skill", "I-Skill", "I-Skill");
        assertThat(sentences.get(1).line()).isEqualTo(5);
        assertThat(Conll.types(sentences)).containsExactly("Knowledge", "Skill");
        // scoring keeps both columns' spans
        assertThat(Conll.columnSpans(lines).get(1))
                .containsExactlyInAnyOrder(new TokenSpan(0, 3, "any"), new TokenSpan(1, 2, "any"));
    }

    @Test
    void typesCanBeRenamedToTagThemAlike() {
        List<TaggedSentence> sentences = Conll.parse(List.of("Python\tB-Knowledge", "code\tI-Knowledge"), t -> "Skill");
        assertThat(sentences.get(0).tags()).containsExactly("B-Skill", "I-Skill");
    }

    @Test
    void aBrokenLineIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> Conll.parse(List.of("Java\tB-Skill", "", "Python")))
                .isInstanceOf(Conll.FormatException.class)
                .hasMessage("line 3: expected a word and a tab-separated tag")
                .extracting(e -> ((Conll.FormatException) e).line())
                .isEqualTo(3);
        assertThatThrownBy(() -> Conll.parse(List.of("Java\tB-Skill", "and\tSKILL")))
                .hasMessageStartingWith("line 2: 'SKILL' is not a BIO tag");
        assertThatThrownBy(() -> Conll.parse(List.of("Java\tB-Skill\tO", "and\tO")))
                .hasMessage("line 2: expected 2 tag column(s), found 1");
    }
}
