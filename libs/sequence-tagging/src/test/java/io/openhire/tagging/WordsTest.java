package io.openhire.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void wordsKeepTheirInnerSymbolsAndPunctuationStandsAlone() {
        String text = "C++, C#, Node.js and CI/CD (e-mail).";
        assertThat(Words.texts(Words.of(text)))
                .containsExactly("C++", ",", "C#", ",", "Node.js", "and", "CI/CD", "(", "e-mail", ")", ".");
        Words.Word node = Words.of(text).get(4);
        assertThat(text.substring(node.start(), node.end())).isEqualTo("Node.js");
    }

    @Test
    void shapesFoldRunsOfOneKind() {
        assertThat(WordFeatures.shape("Java")).isEqualTo("Xx");
        assertThat(WordFeatures.shape("C++")).isEqualTo("X+");
        assertThat(WordFeatures.shape("2019")).isEqualTo("d");
        assertThat(WordFeatures.shape("e-mail")).isEqualTo("x-x");
    }
}
