package io.openhire.pii.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a synthetic evaluation set in Presidio-research's format: recruiting texts (resume headers,
 * recruiter notes, emails, interview invitations, HR forms) from templates filled with Datafaker values in
 * seven locales, each value's span recorded. Names, cities and companies come from Datafaker's lists (many
 * of its cities and companies are invented: "Port Sheilaview", "Kuhn-Schamberger"), which the detector's
 * gazetteers do not hold; so this set measures how far context and patterns carry, not a memorised list.
 *
 * <pre>SyntheticSet OUT [samples=1000] [seed=7]</pre>
 */
public final class SyntheticSet {

    private static final Locale[] LOCALES = {
        Locale.US,
        Locale.UK,
        Locale.GERMANY,
        Locale.FRANCE,
        Locale.of("es", "ES"),
        Locale.of("nl", "NL"),
        Locale.of("en", "IN")
    };

    /** A template's text with {TYPE} slots; slot names are the gold entity types. */
    private static final List<String> TEMPLATES = List.of(
            "{PERSON}\n{JOB}\n{EMAIL_ADDRESS} | {PHONE_NUMBER}\n{STREET_ADDRESS}, {CITY}",
            "Name: {PERSON}\nDate of birth: {BIRTHDAY}\nNationality: {NRP}\nAddress: {STREET_ADDRESS}, {CITY}, {COUNTRY}",
            "Dear {TITLE} {LAST_NAME},\n\nThank you for applying for the {JOB} role at {ORGANIZATION}. Could we talk on {DATE_TIME}?\n\nBest regards,\n{PERSON}",
            "Spoke with {PERSON} today: {AGE} years old, currently at {ORGANIZATION} in {CITY}, wants to relocate to {COUNTRY}.",
            "Candidate {PERSON} ({EMAIL_ADDRESS}) was referred by {FIRST_NAME} from the {CITY} office.",
            "Please send the offer letter to {PERSON}, {STREET_ADDRESS}, {CITY}. Salary goes to IBAN {IBAN_CODE}.",
            "Background check: SSN {US_SSN}, previous employer {ORGANIZATION}, lived in {CITY} until {DATE_TIME}.",
            "Reimbursement for the interview trip: card {CREDIT_CARD}, holder {PERSON}.",
            "Portfolio: {URL} — GitHub and blog at {DOMAIN_NAME}. Call me on {PHONE_NUMBER}.",
            "Login from {IP_ADDRESS} for {EMAIL_ADDRESS} was blocked; the user {PERSON} reset the password.",
            "I forwarded the CV of {PERSON} to {FIRST_NAME} yesterday; she is a {NRP} citizen living in {CITY}.",
            "{PERSON} worked as {JOB} at {ORGANIZATION} from {DATE_TIME} to {DATE_TIME}.",
            "Interview with {TITLE} {PERSON} moved to {DATE_TIME}. Reach the candidate at {PHONE_NUMBER}.",
            "Emergency contact: {PERSON}, {PHONE_NUMBER}",
            "Reference: {PERSON}, {JOB}, {ORGANIZATION}, {EMAIL_ADDRESS}",
            "Hello {FIRST_NAME}, your application #{NUMBER} for {JOB} in {CITY} was received.",
            "{PERSON} ({AGE}) from {COUNTRY} speaks English and Spanish; available from {DATE_TIME}.",
            "Remote worker, connects through VPN {IP_ADDRESS}; home office in {CITY}, {COUNTRY}.",
            "The hiring manager {PERSON} asked {PERSON} to prepare a case study for {ORGANIZATION}.",
            "Summary\nExperienced {JOB} with 8 years at {ORGANIZATION} and {ORGANIZATION}. Skills: Java, SQL, Kubernetes.",
            "Payroll: {PERSON}, born {BIRTHDAY}, IBAN {IBAN_CODE}, tax residence {COUNTRY}.",
            "Meeting notes {DATE_TIME}: {FIRST_NAME} will call the agency in {CITY} about {PERSON}.",
            "Moved the start date for {PERSON} to {DATE_TIME} at the request of {ORGANIZATION}.",
            "Contact {PERSON} at {EMAIL_ADDRESS} or visit {URL} for the company's careers page.");

    private SyntheticSet() {}

    public static List<Map<String, Object>> generate(int count, long seed) {
        Random random = new Random(seed);
        Map<Locale, Faker> fakers = new LinkedHashMap<>();
        for (Locale locale : LOCALES) {
            fakers.put(locale, new Faker(locale, new Random(seed + locale.hashCode())));
        }
        List<Map<String, Object>> samples = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Faker faker = fakers.get(LOCALES[random.nextInt(LOCALES.length)]);
            String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            StringBuilder text = new StringBuilder();
            List<Map<String, Object>> spans = new ArrayList<>();
            int i = 0;
            while (i < template.length()) {
                int open = template.indexOf('{', i);
                if (open < 0) {
                    text.append(template, i, template.length());
                    break;
                }
                text.append(template, i, open);
                int close = template.indexOf('}', open);
                String slot = template.substring(open + 1, close);
                String value = value(slot, faker, random);
                int start = text.length();
                text.append(value);
                String type = goldType(slot);
                if (type != null) {
                    Map<String, Object> span = new LinkedHashMap<>();
                    span.put("entity_type", type);
                    span.put("entity_value", value);
                    span.put("start_position", start);
                    span.put("end_position", start + value.length());
                    spans.add(span);
                }
                i = close + 1;
            }
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("full_text", text.toString());
            sample.put("spans", spans);
            samples.add(sample);
        }
        return samples;
    }

    /** The gold type a slot is labelled with; null for the slots that are not personal data. */
    private static String goldType(String slot) {
        return switch (slot) {
            case "JOB", "NUMBER" -> null;
            case "CITY", "COUNTRY" -> "GPE";
            default -> slot;
        };
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("dd.MM.yyyy"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd"),
            DateTimeFormatter.ofPattern("MM/dd/yyyy"),
            DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));

    private static String value(String slot, Faker faker, Random random) {
        Supplier<LocalDate> date =
                () -> LocalDate.of(2015 + random.nextInt(12), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return switch (slot) {
            case "PERSON" -> faker.name().firstName() + " " + faker.name().lastName();
            case "FIRST_NAME" -> faker.name().firstName();
            case "LAST_NAME" -> faker.name().lastName();
            case "TITLE" ->
                List.of("Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Mr", "Ms").get(random.nextInt(7));
            case "EMAIL_ADDRESS" -> faker.internet().emailAddress();
            case "PHONE_NUMBER" -> faker.phoneNumber().phoneNumber();
            case "STREET_ADDRESS" -> faker.address().streetAddress();
            case "CITY" -> faker.address().city();
            case "COUNTRY" -> faker.address().country();
            case "ORGANIZATION" -> faker.company().name();
            case "DATE_TIME" -> date.get().format(DATES.get(random.nextInt(DATES.size())));
            case "BIRTHDAY" ->
                LocalDate.of(1960 + random.nextInt(42), 1 + random.nextInt(12), 1 + random.nextInt(28))
                        .format(DATES.get(random.nextInt(DATES.size() - 1)));
            case "AGE" -> String.valueOf(19 + random.nextInt(50));
            case "NRP" -> faker.nation().nationality();
            case "IBAN_CODE" -> faker.finance().iban();
            case "CREDIT_CARD" ->
                faker.finance().creditCard().replaceAll("[^0-9 -]", "").strip();
            case "US_SSN" -> faker.idNumber().ssnValid();
            case "IP_ADDRESS" ->
                random.nextInt(4) == 0
                        ? faker.internet().ipV6Address()
                        : faker.internet().ipV4Address();
            case "URL" ->
                "https://" + faker.internet().domainName() + "/"
                        + faker.internet().slug();
            case "DOMAIN_NAME" -> faker.internet().domainName();
            case "JOB" -> faker.job().title();
            case "NUMBER" -> String.valueOf(10000 + random.nextInt(90000));
            default -> throw new IllegalArgumentException("unknown slot " + slot);
        };
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        Files.writeString(
                out,
                JsonMapper.builder()
                        .build()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(generate(count, seed)));
        System.out.println("wrote " + count + " samples to " + out);
    }
}
