package io.openhire.pii;

import java.math.BigInteger;

/**
 * The check digits of the numbers the detector recognises: a sequence of digits is only a card number,
 * an IBAN or a national id when its check digit agrees, which is what keeps order numbers and phone
 * numbers from being reported as one.
 */
public final class Checksums {

    private Checksums() {}

    /** Keeps only the letters and digits, upper-cased. */
    static String compact(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    /** Payment cards (ISO/IEC 7812): 13 to 19 digits whose Luhn sum is a multiple of ten. */
    public static boolean luhn(String value) {
        String digits = compact(value);
        if (digits.length() < 13 || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0 && !digits.chars().allMatch(c -> c == digits.charAt(0));
    }

    /** IBAN (ISO 13616): the country and check digits moved to the end, letters as 10..35, mod 97 is 1. */
    public static boolean iban(String value) {
        String iban = compact(value);
        if (iban.length() < 15 || iban.length() > 34 || !iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (int i = 0; i < moved.length(); i++) {
            char c = moved.charAt(i);
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /**
     * US Social Security numbers: never area 000, 666 or 900-999, group 00 or serial 0000, and not the
     * numbers that were famously printed on sample cards.
     */
    public static boolean usSsn(String value) {
        String digits = compact(value);
        if (digits.length() != 9 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int area = Integer.parseInt(digits.substring(0, 3));
        int group = Integer.parseInt(digits.substring(3, 5));
        int serial = Integer.parseInt(digits.substring(5));
        return area != 0
                && area != 666
                && area < 900
                && group != 0
                && serial != 0
                && !digits.equals("078051120")
                && !digits.equals("219099999")
                && !digits.equals("123456789");
    }

    /**
     * UK National Insurance numbers: two prefix letters (D, F, I, Q, U, V never; O never second; BG, GB,
     * KN, NK, NT, TN, ZZ never issued), six digits, and a suffix A to D.
     */
    public static boolean ukNino(String value) {
        String nino = compact(value);
        if (!nino.matches("[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\\d{6}[A-D]")) {
            return false;
        }
        String prefix = nino.substring(0, 2);
        return !switch (prefix) {
            case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ" -> true;
            default -> false;
        };
    }

    /** NHS numbers: ten digits, the last the mod-11 check of the first nine weighted 10 down to 2. */
    public static boolean ukNhs(String value) {
        String digits = compact(value);
        if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** Spanish DNI/NIF (and NIE, whose X, Y, Z stand for 0, 1, 2): the letter is the number mod 23. */
    public static boolean esNif(String value) {
        String nif = compact(value);
        if (!nif.matches("[XYZ0-9]\\d{7}[A-Z]")) {
            return false;
        }
        String number = switch (nif.charAt(0)) {
            case 'X' -> "0" + nif.substring(1, 8);
            case 'Y' -> "1" + nif.substring(1, 8);
            case 'Z' -> "2" + nif.substring(1, 8);
            default -> nif.substring(0, 8);
        };
        return NIF_LETTERS.charAt(Integer.parseInt(number) % 23) == nif.charAt(8);
    }

    /** Dutch BSN: nine digits passing the "elfproef" (weights 9 down to 2, and -1 for the last). */
    public static boolean nlBsn(String value) {
        String digits = compact(value);
        if (digits.length() != 9 || !digits.chars().allMatch(Character::isDigit) || digits.startsWith("00")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    /** A dotted IPv4 address whose four parts are 0..255 without leading zeros. */
    public static boolean ipv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.startsWith("0"))) {
                return false;
            }
            if (!part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
