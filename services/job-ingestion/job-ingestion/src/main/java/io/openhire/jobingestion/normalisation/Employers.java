package io.openhire.jobingestion.normalisation;

import java.util.Locale;
import java.util.regex.Pattern;

/** One key per employer however a source writes its name: "Initech, Inc." and "INITECH" are the same. */
public final class Employers {

    private static final Pattern LEGAL_FORM = Pattern.compile(
            "(?i)[,\\s]+(?:inc|incorporated|llc|l\\.l\\.c|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|sa|s\\.a|bv|b\\.v|nv|oy|ab|as|srl|spa|pty|pvt)\\.?$");

    private Employers() {}

    /** Lower case, letters and digits only, without a trailing legal form; null for no name. */
    public static String key(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        for (int i = 0; i < 2; i++) { // "Acme Holdings Co., Ltd."
            n = LEGAL_FORM.matcher(n).replaceAll("");
        }
        String key = n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return key.isEmpty() ? null : key;
    }
}
