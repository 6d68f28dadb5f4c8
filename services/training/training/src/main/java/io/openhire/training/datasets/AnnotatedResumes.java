package io.openhire.training.datasets;

import io.openhire.platform.errors.DomainException;
import io.openhire.resumetagger.AnnotatedResume;
import io.openhire.resumetagger.ResumeTagger;
import io.openhire.tagging.TaggedSentence;
import io.openhire.tagging.Words;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Annotated resumes as a dataset: one {@code .xml} file, or a ZIP of them (each entry read with a size limit,
 * the whole with one too, so that a small archive cannot unpack into gigabytes). A resume whose labels are not
 * closed is refused with its entry and line; the labels the resume tagger does not learn (emails) are read as
 * plain text.
 */
final class AnnotatedResumes {

    private static final Pattern TAG = Pattern.compile("<label\\b|</label>");

    private AnnotatedResumes() {}

    static List<Labelled> read(byte[] file) {
        if (!isZip(file)) {
            return List.of(resume(null, file));
        }
        List<Labelled> resumes = new ArrayList<>();
        for (Entry entry : entries(file)) {
            resumes.add(resume(entry.name(), entry.content()));
        }
        if (resumes.isEmpty()) {
            throw DatasetFormat.invalid(0, "the archive holds no .xml resume");
        }
        return resumes;
    }

    /** One resume of a ZIP: its entry's name and content. */
    record Entry(String name, byte[] content) {}

    static boolean isZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /** The archive's {@code .xml} entries in order, each read with the limits; other entries are not read. */
    static List<Entry> entries(byte[] zipFile) {
        List<Entry> entries = new ArrayList<>();
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipFile))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!isResume(entry)) {
                    continue;
                }
                if (entries.size() >= DatasetFormat.MAX_ENTRIES) {
                    throw DatasetFormat.invalid(
                            0, "the archive holds more than " + DatasetFormat.MAX_ENTRIES + " resumes");
                }
                byte[] content = readLimited(zip, entry.getName());
                unpacked += content.length;
                if (unpacked > DatasetFormat.MAX_UNPACKED) {
                    throw DatasetFormat.invalid(
                            0,
                            "the archive unpacks to more than " + DatasetFormat.MAX_UNPACKED / (1024 * 1024) + " MB");
                }
                entries.add(new Entry(entry.getName(), content));
            }
        } catch (IOException e) {
            throw DatasetFormat.invalid(0, "it is not a readable ZIP archive");
        }
        return entries;
    }

    /**
     * The archive again with only its resumes (in their order, names and times) but those at {@code removed}
     * (indexes into {@link #entries}). Entries that are not resumes are left out: training never reads them, so they
     * were never searched for the person either, and what cannot be searched is not kept through an erasure.
     */
    static byte[] without(byte[] zipFile, Set<Integer> removed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipFile));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            int index = 0;
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!isResume(entry)) {
                    continue;
                }
                byte[] content = readLimited(in, entry.getName());
                if (!removed.contains(index++)) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    out.write(content);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static boolean isResume(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    private static byte[] readLimited(InputStream in, String name) throws IOException {
        byte[] content = in.readNBytes(DatasetFormat.MAX_ENTRY + 1);
        if (content.length > DatasetFormat.MAX_ENTRY) {
            throw DatasetFormat.invalid(0, name + " is larger than " + DatasetFormat.MAX_ENTRY / (1024 * 1024) + " MB");
        }
        return content;
    }

    private static Labelled resume(String entry, byte[] content) {
        String xml;
        try {
            xml = DatasetFormat.utf8(content);
        } catch (DomainException notText) {
            throw DatasetFormat.invalid(0, (entry == null ? "it" : entry) + " is not UTF-8 text");
        }
        checkLabelsClosed(entry, xml);
        AnnotatedResume resume = AnnotatedResume.parse(entry == null ? "resume.xml" : entry, xml);
        List<Words.Word> words = ResumeTagger.tokens(resume.text()).words();
        if (words.isEmpty()) {
            throw DatasetFormat.invalid(0, (entry == null ? "the resume" : entry) + " holds no text");
        }
        return new Labelled(new TaggedSentence(Words.texts(words), resume.tags(words), 1), resume.text());
    }

    /** Every {@code <label>} is closed before the next opens (a stray close is left to the text). */
    private static void checkLabelsClosed(String entry, String xml) {
        Matcher tag = TAG.matcher(xml);
        int open = -1; // where the label still open starts
        while (tag.find()) {
            if (tag.group().startsWith("<label")) {
                if (open >= 0) {
                    break;
                }
                open = tag.start();
            } else {
                open = -1;
            }
        }
        if (open >= 0) {
            int line =
                    (int) xml.substring(0, open).chars().filter(c -> c == '\n').count() + 1;
            String where = entry == null ? "" : entry + ": ";
            throw DatasetFormat.invalid(line, where + "a <label> is not closed before the next one opens");
        }
    }
}
