package io.openhire.privacy.documents;

/** The document cannot be anonymised as sent: the message says why, after "The document ". */
public final class UnreadableDocumentException extends Exception {

    private final boolean unsupportedFormat;

    UnreadableDocumentException(String why) {
        this(why, false);
    }

    private UnreadableDocumentException(String why, boolean unsupportedFormat) {
        super(why);
        this.unsupportedFormat = unsupportedFormat;
    }

    static UnreadableDocumentException ofUnsupportedFormat() {
        return new UnreadableDocumentException("is neither a PDF nor a Word document (.docx)", true);
    }

    /** Neither a PDF nor a .docx (a 415), rather than one of them that cannot be read (a 422). */
    public boolean isUnsupportedFormat() {
        return unsupportedFormat;
    }
}
