package io.openhire.jobingestion.normalisation;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the pay of a posting from what employers and job boards actually write: "$53K-$91K (Glassdoor
 * est.)", "Employer Provided Salary:$17-$24 Per Hour", "€45.000 – €55.000 per annum", "£30k–35k pa",
 * "USD 120,000-150,000/yr", "up to $90k", "from CHF 95'000", "$100K+", "12-18 LPA". Without a currency,
 * a salary word nearby or a pay period, a number is not a salary ("5-7 years", "2019").
 */
public final class SalaryParser {

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("us$", "USD"),
            Map.entry("$", "USD"),
            Map.entry("ca$", "CAD"),
            Map.entry("c$", "CAD"),
            Map.entry("a$", "AUD"),
            Map.entry("au$", "AUD"),
            Map.entry("nz$", "NZD"),
            Map.entry("£", "GBP"),
            Map.entry("€", "EUR"),
            Map.entry("₹", "INR"),
            Map.entry("rs.", "INR"),
            Map.entry("rs", "INR"),
            Map.entry("¥", "JPY"),
            Map.entry("dollars", "USD"),
            Map.entry("euros", "EUR"),
            Map.entry("euro", "EUR"),
            Map.entry("pounds", "GBP"));

    private static final String CODES = "USD|EUR|GBP|CAD|AUD|NZD|INR|CHF|SEK|NOK|DKK|PLN|CZK|JPY|SGD|HKD|ZAR|BRL|MXN";
    private static final String SYMBOL = "(?:US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|\\$|£|€|₹|¥|\\bRs\\.?)";
    private static final String CURRENCY = "(?:" + SYMBOL + "|\\b(?:" + CODES + ")\\b)";
    private static final String NUMBER = "(?:\\d{1,3}(?:[,.' ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
    private static final String SCALE = "(?:[kK]\\b|[mM]\\b|\\s?(?:lakhs?|lacs?|LPA)\\b)";
    private static final Pattern RANGE = Pattern.compile(
            "(?<lead>up to|upto|from|starting at|min(?:imum)?\\.?|max(?:imum)?\\.?)?\\s*"
                    + "(?<cur1>" + CURRENCY + ")?[ \\u00a0]?(?<a>" + NUMBER + ")\\s*(?<s1>" + SCALE + ")?\\s*(?<cur1b>"
                    + CURRENCY + ")?"
                    + "(?:\\s*(?:-|–|—|to|and)\\s*(?<cur2>" + CURRENCY + ")?[ \\u00a0]?(?<b>" + NUMBER + ")\\s*(?<s2>"
                    + SCALE
                    + ")?\\s*(?<cur2b>"
                    + CURRENCY + ")?)?(?<plus>\\+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERIOD = Pattern.compile(
            "(?i)(?<hour>per hour|an hour|/\\s?h(?:ou)?r\\b|hourly|p\\.?h\\.?\\b)|(?<day>per day|a day|/\\s?day|daily)|"
                    + "(?<week>per week|a week|/\\s?w(?:ee)?k\\b|weekly)|(?<month>per month|a month|/\\s?mo(?:nth)?\\b|monthly|pcm\\b)|"
                    + "(?<year>per year|per annum|a year|/\\s?y(?:ea)?r\\b|annually|annual|yearly|p\\.?a\\.?(?=\\W|$)|LPA\\b)");
    private static final Pattern SALARY_WORDS = Pattern.compile(
            "(?i)\\b(salary|salaries|pay|compensation|wage|wages|rate|ote|base|stipend|ctc|remuneration)\\b");
    private static final Pattern DECIMALS = Pattern.compile("[.,](\\d{1,2})$");
    private static final Pattern BIG_NUMBER_WORDS = Pattern.compile("(?i)\\s*(?:billion|million|trillion|bn|mn)\\b");
    private static final Pattern ESTIMATE = Pattern.compile("(?i)glassdoor est|indeed est|\\(est\\.?\\)|estimated");

    private SalaryParser() {}

    public static Optional<Salary> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(text);
        while (m.find()) {
            Optional<Salary> salary = read(text, m);
            if (salary.isPresent()) {
                return salary;
            }
        }
        return Optional.empty();
    }

    private static Optional<Salary> read(String text, Matcher m) {
        String currencyText = first(m.group("cur1"), m.group("cur1b"), m.group("cur2"), m.group("cur2b"));
        String scale1 = m.group("s1");
        String scale2 = m.group("s2");
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
        String window = text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40));
        Matcher period = PERIOD.matcher(after);
        boolean periodFollows = period.find() && period.start() <= 12;
        boolean lakhs = isLakh(scale1) || isLakh(scale2);
        if (currencyText == null
                && !lakhs
                && !(periodFollows && SALARY_WORDS.matcher(window).find())) {
            return Optional.empty();
        }
        if (BIG_NUMBER_WORDS.matcher(after).lookingAt()) {
            return Optional.empty(); // "$61bn per year", "$7.1 million annually": a company's figures
        }
        BigDecimal a = amount(m.group("a"), scale1 != null ? scale1 : scale2);
        BigDecimal b = m.group("b") == null ? null : amount(m.group("b"), scale2 != null ? scale2 : scale1);
        if (a == null || a.signum() <= 0 || (m.group("b") != null && b == null)) {
            return Optional.empty();
        }
        // Free text is full of other money ("$500 referral bonus", "$2,000 tuition"): a salary is said to
        // be one, or comes with a pay period, or is a range of yearly-sized amounts.
        boolean yearlySized = a.compareTo(BigDecimal.valueOf(1_000)) >= 0;
        boolean bounded = b != null || m.group("lead") != null || m.group("plus") != null;
        if (!periodFollows
                && !(yearlySized && bounded)
                && !lakhs
                && !SALARY_WORDS.matcher(window).find()) {
            return Optional.empty();
        }
        if (a.compareTo(BigDecimal.valueOf(5)) < 0) {
            return Optional.empty(); // no wage is under 5 a period
        }
        String lead = m.group("lead") == null ? "" : m.group("lead").toLowerCase(Locale.ROOT);
        BigDecimal min = a;
        BigDecimal max = b != null ? b : a;
        if (b == null && (lead.startsWith("up") || lead.startsWith("max"))) {
            min = null;
        } else if (b == null
                && (lead.startsWith("from")
                        || lead.startsWith("starting")
                        || lead.startsWith("min")
                        || m.group("plus") != null)) {
            max = null;
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            BigDecimal swap = min;
            min = max;
            max = swap;
        }
        String currency = currencyText == null ? (lakhs ? "INR" : null) : currency(currencyText);
        if (currency == null) {
            return Optional.empty();
        }
        Salary.Period unit =
                periodFollows ? period(period) : lakhs ? Salary.Period.YEAR : guessPeriod(max != null ? max : min);
        boolean estimated = ESTIMATE.matcher(text.substring(m.start(), Math.min(text.length(), m.end() + 40)))
                .find();
        String source = text.substring(m.start(), periodFollows ? m.end() + period.end() : m.end())
                .strip();
        return Optional.of(new Salary(min, max, currency, unit, estimated, source));
    }

    /** Without words for it: small amounts are hourly, the rest yearly. */
    private static Salary.Period guessPeriod(BigDecimal amount) {
        return amount.compareTo(BigDecimal.valueOf(300)) < 0 ? Salary.Period.HOUR : Salary.Period.YEAR;
    }

    private static Salary.Period period(Matcher p) {
        if (p.group("hour") != null) {
            return Salary.Period.HOUR;
        }
        if (p.group("day") != null) {
            return Salary.Period.DAY;
        }
        if (p.group("week") != null) {
            return Salary.Period.WEEK;
        }
        if (p.group("month") != null) {
            return Salary.Period.MONTH;
        }
        return Salary.Period.YEAR;
    }

    static BigDecimal amount(String number, String scale) {
        String digits = number.strip();
        // "50.000" and "50,000" are thousands; "50.50" and "17,5" are decimals.
        if (digits.matches("\\d{1,3}(?:[,.' ]\\d{3})+([.,]\\d{1,2})?")) {
            String decimals = "";
            Matcher d = DECIMALS.matcher(digits);
            if (d.find()) {
                decimals = "." + d.group(1);
                digits = digits.substring(0, d.start());
            }
            digits = digits.replaceAll("[,.' ]", "") + decimals;
        } else {
            digits = digits.replace(',', '.');
        }
        BigDecimal value;
        try {
            value = new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return null;
        }
        if (scale == null) {
            return value;
        }
        String s = scale.strip().toLowerCase(Locale.ROOT);
        if (s.equals("k")) {
            return value.multiply(BigDecimal.valueOf(1_000));
        }
        if (s.equals("m")) {
            return value.multiply(BigDecimal.valueOf(1_000_000));
        }
        if (isLakh(s)) {
            return value.multiply(BigDecimal.valueOf(100_000));
        }
        return value;
    }

    private static boolean isLakh(String scale) {
        if (scale == null) {
            return false;
        }
        String s = scale.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("lakh") || s.startsWith("lac") || s.equals("lpa");
    }

    private static String currency(String text) {
        String t = text.strip();
        if (t.matches("(?i)" + CODES)) {
            return t.toUpperCase(Locale.ROOT);
        }
        return SYMBOLS.get(t.toLowerCase(Locale.ROOT));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
