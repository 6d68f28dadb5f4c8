package io.openhire.resumeprocessing.parsing;

import io.openhire.resumeprocessing.parsing.Sections.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Resume text for the parts' tests, written as a reader sees it:
 * {@code aResume().line("Priya Raman").section("EXPERIENCE", "Software Engineer", "Jan 2019 - Mar 2021")}.
 */
final class ResumeLines {

    private final List<String> lines = new ArrayList<>();

    static ResumeLines aResume() {
        return new ResumeLines();
    }

    ResumeLines line(String... more) {
        lines.addAll(List.of(more));
        return this;
    }

    ResumeLines section(String heading, String... body) {
        lines.add(heading);
        lines.addAll(List.of(body));
        return this;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<Section> sections() {
        return Sections.split(lines());
    }

    String text() {
        return String.join("\n", lines);
    }

    @Override
    public String toString() {
        return String.join(" / ", lines);
    }
}
