package io.openhire.training.datasets;

import static io.openhire.training.Zips.unzip;
import static io.openhire.training.Zips.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A dataset's file cut into items and written again without some: what is kept reads as it did, byte for byte, and
 * the counts are an import's of the new file.
 */
class DatasetItemsTest {

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aConllSentenceGoesWithTheBlankLineAfterItAndTheRestKeepsItsLineEndings() {
        String conll = "-DOCSTART-\tO\r\n\r\n"
                + "We\tO\r\nuse\tO\r\nJava\tB-Skill\r\n\r\n"
                + "Contact\tO\r\nerin\tO\r\n@\tO\r\nexample.test\tO\r\n\r\n"
                + "Strong\tO\r\nSQL\tB-Skill\r\n";

        List<DatasetItems.Item> items = DatasetItems.of(DatasetFormat.CONLL, utf8(conll));

        assertThat(items)
                .extracting(DatasetItems.Item::text)
                .containsExactly("We use Java", "Contact erin @ example.test", "Strong SQL");
        assertThat(items)
                .extracting(DatasetItems.Item::where)
                .containsExactly("lines 3–5", "lines 7–10", "lines 12–13");
        byte[] without = without(DatasetFormat.CONLL, utf8(conll), Set.of(1));
        assertThat(new String(without, StandardCharsets.UTF_8))
                .isEqualTo("-DOCSTART-\tO\r\n\r\n"
                        + "We\tO\r\nuse\tO\r\nJava\tB-Skill\r\n\r\n"
                        + "Strong\tO\r\nSQL\tB-Skill\r\n");
        assertThat(DatasetFormat.CONLL.read(without)).hasSize(2);
    }

    @Test
    void aJsonlItemIsALineAndTheOthersStayAsTheyWere() {
        String jsonl = "{\"text\": \"We use Java\", \"spans\": [{\"start\": 7, \"end\": 11, \"label\": \"Skill\"}]}\n"
                + "\n"
                + "{\"text\": \"Mail erin@example.test\", \"spans\": []}\n"
                + "{\"text\": \"Strong SQL\", \"spans\": [{\"start\": 7, \"end\": 10, \"label\": \"Skill\"}]}";

        List<DatasetItems.Item> items = DatasetItems.of(DatasetFormat.JSONL, utf8(jsonl));

        assertThat(items).extracting(DatasetItems.Item::where).containsExactly("line 1", "line 3", "line 4");
        assertThat(items.get(1).text()).isEqualTo("{\"text\": \"Mail erin@example.test\", \"spans\": []}");
        byte[] without = without(DatasetFormat.JSONL, utf8(jsonl), Set.of(1));
        assertThat(new String(without, StandardCharsets.UTF_8))
                .isEqualTo(jsonl.replace("{\"text\": \"Mail erin@example.test\", \"spans\": []}\n", ""));
        assertThat(DatasetFormat.JSONL.read(without)).hasSize(2);
        // nothing left of it: an empty file
        assertThat(without(DatasetFormat.JSONL, utf8(jsonl), Set.of(0, 1, 2))).isEmpty();
        assertThat(DatasetItems.of(DatasetFormat.JSONL, new byte[0])).isEmpty();
    }

    @Test
    void aZipKeepsItsOtherResumesAsTheyWereAndOnlyTheResumes() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("resumes/", "");
        entries.put("resumes/a.xml", resume("Asha Rao", "asha@example.test"));
        entries.put("resumes/README.txt", "Where these came from.");
        entries.put("resumes/b.xml", resume("Erin Erased", "erin@example.test"));
        entries.put("resumes/c.xml", resume("Tom Berg", "tom@example.test"));
        byte[] zip = zip(entries);

        List<DatasetItems.Item> items = DatasetItems.of(DatasetFormat.ANNOTATED_XML, zip);

        assertThat(items)
                .extracting(DatasetItems.Item::where)
                .containsExactly("resumes/a.xml", "resumes/b.xml", "resumes/c.xml");
        assertThat(items.get(1).text()).isEqualTo(entries.get("resumes/b.xml"));
        byte[] without = without(DatasetFormat.ANNOTATED_XML, zip, Set.of(1));
        Map<String, String> kept = unzip(without);
        assertThat(kept).containsOnlyKeys("resumes/a.xml", "resumes/c.xml");
        assertThat(kept.get("resumes/a.xml")).isEqualTo(entries.get("resumes/a.xml"));
        assertThat(kept.get("resumes/c.xml")).isEqualTo(entries.get("resumes/c.xml"));
        assertThat(DatasetFormat.ANNOTATED_XML.read(without)).hasSize(2);
    }

    @Test
    void aSingleResumeIsTheWholeFile() {
        byte[] xml = utf8(resume("Erin Erased", "erin@example.test"));

        assertThat(DatasetItems.of(DatasetFormat.ANNOTATED_XML, xml))
                .singleElement()
                .satisfies(item -> assertThat(item.where()).isEqualTo("the file"));
        assertThat(without(DatasetFormat.ANNOTATED_XML, xml, Set.of(0))).isEmpty();
    }

    static String resume(String name, String email) {
        return "<cv><label type=\"Name\">" + name + "</label>\n" + email
                + "\nEXPERIENCE\n<label type=\"Designation\">Nurse</label> at <label type=\"Companies worked at\">"
                + "Hooli</label>\n</cv>\n";
    }

    /** The file without those items, as an erasure that has read its items asks for it. */
    private static byte[] without(DatasetFormat format, byte[] file, Set<Integer> removed) {
        return DatasetItems.without(format, file, DatasetItems.of(format, file).size(), removed);
    }
}
