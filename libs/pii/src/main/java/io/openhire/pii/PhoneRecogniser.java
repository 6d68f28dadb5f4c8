package io.openhire.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phone numbers as libphonenumber finds them: a number written with its country code anywhere, and a
 * national number valid in one of the regions the platform's organisations mostly hire in. Only numbers
 * libphonenumber calls valid count, so "2016 – 2020" and order numbers are not phones.
 */
public final class PhoneRecogniser implements Recogniser {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The regions national numbers are tried in: Presidio's defaults and OpenHire's users' countries. */
    static final List<String> REGIONS = List.of("US", "GB", "DE", "FR", "IN", "IL", "CA", "BR", "AU", "NL", "ES", "IT");

    private static final List<String> CONTEXT =
            List.of("phone", "tel", "mobile", "cell", "call", "fax", "whatsapp", "number", "contact", "handy");

    @Override
    public java.util.Set<PiiType> types() {
        return java.util.Set.of(PiiType.PHONE_NUMBER);
    }

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public List<PiiSpan> find(String text) {
        Map<Long, PiiSpan> byPosition = new LinkedHashMap<>();
        for (String region : REGIONS) {
            for (PhoneNumberMatch match : PHONES.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, 10_000)) {
                int start = match.start();
                int end = match.end();
                long key = ((long) start << 32) | end;
                if (byPosition.containsKey(key)) {
                    continue;
                }
                boolean international = match.rawString().startsWith("+");
                double score = international ? 0.8 : 0.6;
                if (PatternRecogniser.hasContext(text, start, end, CONTEXT)) {
                    score = 0.95;
                }
                byPosition.put(key, new PiiSpan(PiiType.PHONE_NUMBER, start, end, score, name()));
            }
        }
        return new ArrayList<>(byPosition.values());
    }
}
