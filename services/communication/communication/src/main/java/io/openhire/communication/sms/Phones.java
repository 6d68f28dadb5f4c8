package io.openhire.communication.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Phone numbers as SMS needs them: E.164, only mobile-capable valid numbers, and the time zone they ring in. */
public final class Phones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private Phones() {}

    /** The number in E.164 ({@code +4915123456789}), or empty when it is not a valid number. */
    public static Optional<String> e164(String written, String defaultRegion) {
        if (written == null || written.isBlank() || written.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(written, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
            if (type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE
                    || type == PhoneNumberUtil.PhoneNumberType.TOLL_FREE
                    || type == PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE) {
                return Optional.empty(); // cannot receive SMS
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The zone an E.164 number rings in (the first of several, e.g. in the US), or UTC when unknown. */
    public static ZoneId zoneOf(String e164) {
        try {
            List<String> zones =
                    PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(UTIL.parse(e164, null));
            if (!zones.isEmpty()
                    && !PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(zones.getFirst())) {
                return ZoneId.of(zones.getFirst());
            }
        } catch (NumberParseException | DateTimeException e) {
            // UTC below
        }
        return ZoneId.of("UTC");
    }
}
