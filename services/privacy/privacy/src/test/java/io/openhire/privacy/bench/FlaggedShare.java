package io.openhire.privacy.bench;

import io.openhire.pii.PiiDetector;
import io.openhire.pii.PiiSpan;
import io.openhire.pii.PiiType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * How much of real resumes' text the detector takes for names, places and organisations — a false-positive
 * measure on resumes whose publisher already replaced the person, their employers and cities with placeholders
 * ("Company Name", "City , State"), so that nearly nothing of what is flagged there is personal data. No labels
 * are needed, and none of the documents is used to build the detector. Run by {@code bench/pii-resumes.sh}.
 */
public final class FlaggedShare {

    private static final Set<PiiType> NAMES = Set.of(PiiType.PERSON, PiiType.LOCATION, PiiType.ORGANIZATION);

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/resumes/pdf");
        if (!Files.isDirectory(folder)) {
            System.out.println("No resumes at " + folder + ": skipped");
            return;
        }
        List<Path> pdfs;
        try (Stream<Path> files = Files.walk(folder)) {
            pdfs = files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
        }
        Map<String, Integer> spans = new TreeMap<>();
        long characters = 0;
        long flagged = 0;
        for (Path pdf : pdfs) {
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                String text = stripper.getText(document);
                characters += text.length();
                for (PiiSpan span : PiiDetector.standard().analyze(text)) {
                    if (NAMES.contains(span.type())) {
                        spans.merge(span.recogniser() + " " + span.type(), 1, Integer::sum);
                        flagged += span.length();
                    }
                }
            }
        }
        System.out.printf(
                "%d resumes, %,d characters; %.1f %% of them in spans taken for names, places or organisations%n",
                pdfs.size(), characters, 100.0 * flagged / Math.max(1, characters));
        spans.forEach((recogniser, count) -> System.out.printf("  %-32s %5d%n", recogniser, count));
    }
}
