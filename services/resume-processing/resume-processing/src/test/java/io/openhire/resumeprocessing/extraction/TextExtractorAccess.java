package io.openhire.resumeprocessing.extraction;

/** Lets tests ask whether this machine has tesseract, as the extractor sees it. */
public final class TextExtractorAccess {
    private TextExtractorAccess() {}

    public static boolean ocrInstalled() {
        return TextExtractor.tesseractInstalled();
    }
}
