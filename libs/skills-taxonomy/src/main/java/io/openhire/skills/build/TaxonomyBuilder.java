package io.openhire.skills.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@code taxonomy-v1.tsv} from the public sources and the project's curated additions:
 *
 * <ul>
 *   <li>O*NET 29.2 Technology Skills (CC BY 4.0): every distinct technology ("Example"), with its
 *       "hot technology" flag; category names such as "Web browser software" are left out; a leading
 *       vendor ("Microsoft Excel") also gives the product name alone as an alias, and a trailing
 *       acronym that spells the words before it ("Structured query language SQL") gives the acronym;
 *   <li>ESCO v1.1.0 skill labels: competences ("manage budgets") of up to six words;
 *   <li>{@code src/taxonomy/curated.tsv}: renames, aliases (k8s → Kubernetes) and new skills.
 * </ul>
 *
 * Run from the repository root when a source or the curated file changes, and commit the result:
 * <pre>
 * java libs/skills-taxonomy/src/main/java/io/openhire/skills/build/TaxonomyBuilder.java \
 *     ../shared/data/skills libs/skills-taxonomy/src/taxonomy/curated.tsv \
 *     libs/skills-taxonomy/src/main/resources/openhire/skills/taxonomy-v1.tsv
 * </pre>
 */
public final class TaxonomyBuilder {

    static final String VERSION = "1";

    /** Vendors whose name prefixes their products in O*NET; the product name alone is an alias. */
    static final List<String> VENDORS = List.of(
            "Amazon Web Services",
            "The MathWorks",
            "Thomson Reuters",
            "Dassault Systemes",
            "Red Hat",
            "Hewlett Packard",
            "Microsoft",
            "Oracle",
            "IBM",
            "Autodesk",
            "Adobe",
            "Google",
            "Apache",
            "Apple",
            "Siemens",
            "ESRI",
            "Bentley",
            "Cadence",
            "Corel",
            "Intuit",
            "Amazon",
            "Atlassian",
            "Salesforce",
            "Cisco",
            "VMware",
            "JetBrains",
            "Facebook",
            "Infor",
            "Trimble",
            "Hexagon",
            "Wolfram",
            "Mozilla",
            "SAS",
            "SAP");

    /** Product names too generic to stand alone once the vendor is stripped ("Google Cloud"). */
    static final Set<String> GENERIC_PRODUCT_WORDS = Set.of(
            "Cloud",
            "Office",
            "Database",
            "Server",
            "Analytics",
            "Mail",
            "Calendar",
            "Drive",
            "Maps",
            "Search",
            "Sheets",
            "Docs",
            "Forms",
            "Photos",
            "Project",
            "Teams",
            "Dynamics",
            "Reports",
            "Designer",
            "Inventory",
            "Clinical",
            "Notes",
            "Connections",
            "Media",
            "Studio",
            "Manager",
            "Suite",
            "Platform",
            "Health",
            "Bridge",
            "Reader",
            "Express",
            "Live",
            "Messenger",
            "Translate",
            "Classroom",
            "Keep");

    /** Words that are not expanded in acronyms ("Bill of materials BOM"). */
    static final Set<String> SMALL_WORDS = Set.of("of", "and", "for", "the", "to", "in", "on", "&");

    record Entry(
            String name,
            String kind,
            String source,
            LinkedHashSet<String> aliases,
            LinkedHashSet<String> exact,
            boolean hot) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: TaxonomyBuilder <skills data dir> <curated.tsv> <output.tsv>");
            System.exit(2);
        }
        List<String> lines = build(Path.of(args[0]), Path.of(args[1]));
        Files.write(Path.of(args[2]), lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + (lines.size() - headerLines()) + " skills to " + args[2]);
    }

    static int headerLines() {
        return header().size();
    }

    static List<String> header() {
        return List.of(
                "# version=" + VERSION,
                "# OpenHire skills taxonomy. Built by io.openhire.skills.build.TaxonomyBuilder; do not edit by hand.",
                "# Sources: O*NET 29.2 Technology Skills (O*NET Resource Center, US DOL/ETA, CC BY 4.0);",
                "# ESCO v1.1.0 skill labels (European Commission, ESCO open data); OpenHire curated aliases.",
                "# Columns: id, name, kind, source, aliases (|), exact-case aliases (|), hot technology (1/0)");
    }

    public static List<String> build(Path skillsDir, Path curatedFile) throws IOException {
        Curated curated = Curated.read(curatedFile);
        Map<String, Entry> entries = new LinkedHashMap<>();

        // O*NET technologies, hot ones first so that they win ties in the matcher.
        Map<String, Boolean> technologies = new LinkedHashMap<>();
        List<String> onet = Files.readAllLines(skillsDir.resolve("onet/Technology Skills.txt"), StandardCharsets.UTF_8);
        List<String> esco = Files.readAllLines(skillsDir.resolve("esco/skills_en_label.txt"), StandardCharsets.UTF_8);
        // The words of ESCO's 13,895 skill labels are a vocabulary of ordinary work English: a product
        // name that is one of them ("Mechanical", "Air", "Project") is not a skill on its own.
        Set<String> workWords = new java.util.HashSet<>();
        for (String label : esco) {
            for (String word : label.split("[^A-Za-z]+")) {
                // Written in lower case there: a common word (ESCO capitalises products: "Photoshop").
                if (!word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT))) {
                    workWords.add(word);
                }
            }
        }
        for (String line : onet.subList(1, onet.size())) {
            String[] f = line.split("\t");
            if (f.length < 5) {
                continue;
            }
            technologies.merge(f[1].strip(), "Y".equals(f[4].strip()), Boolean::logicalOr);
        }
        List<String> ordered = new ArrayList<>(technologies.keySet());
        ordered.sort((a, b) -> Boolean.compare(technologies.get(b), technologies.get(a)));
        for (String name : ordered) {
            String shown = name;
            if (name.endsWith(" software")) {
                shown = name.substring(0, name.length() - " software".length());
                if (!curated.names().contains(name) && !isProductName(shown)) {
                    continue; // a category ("Web browser software"), not a skill
                }
            }
            // "Domain name system DNS" is known by its acronym: show that, match both.
            String acronym = wholeNameAcronym(shown);
            Entry known = acronym == null ? null : entries.get(acronym.toLowerCase(Locale.ROOT));
            if (known != null) {
                // "SQL" is already a skill: the long form is another name for it.
                known.aliases().add(name);
                entries.putIfAbsent(name.toLowerCase(Locale.ROOT), known);
                continue;
            }
            String display = acronym != null ? acronym : shown;
            Entry entry = new Entry(
                    display,
                    "TECHNOLOGY",
                    "onet",
                    new LinkedHashSet<>(),
                    new LinkedHashSet<>(),
                    technologies.get(name));
            if (!display.equals(name)) {
                entry.aliases().add(name);
            }
            addDerivedAliases(entry, shown, workWords);
            entries.putIfAbsent(display.toLowerCase(Locale.ROOT), entry);
            entries.putIfAbsent(shown.toLowerCase(Locale.ROOT), entry);
            entries.putIfAbsent(name.toLowerCase(Locale.ROOT), entry);
        }

        // ESCO competences.
        for (String label : esco) {
            String name = label.strip();
            if (name.isEmpty() || name.split("\\s+").length > 6) {
                continue;
            }
            entries.putIfAbsent(
                    name.toLowerCase(Locale.ROOT),
                    new Entry(name, "COMPETENCE", "esco", new LinkedHashSet<>(), new LinkedHashSet<>(), false));
        }

        // Curated renames, aliases and new skills; curated skills go first in the file.
        List<Entry> curatedEntries = new ArrayList<>();
        for (Curated.Row row : curated.rows()) {
            Entry existing = entries.get(row.name().toLowerCase(Locale.ROOT));
            Entry base = existing != null
                    ? existing
                    : new Entry(
                            row.name(), "TECHNOLOGY", "openhire", new LinkedHashSet<>(), new LinkedHashSet<>(), false);
            String canonical = row.canonical().isEmpty() ? base.name() : row.canonical();
            LinkedHashSet<String> aliases = new LinkedHashSet<>(base.aliases());
            if (!canonical.equals(base.name())) {
                aliases.add(base.name());
            }
            aliases.addAll(row.aliases());
            LinkedHashSet<String> exact = new LinkedHashSet<>(base.exact());
            exact.addAll(row.exact());
            Entry clash = entries.get(canonical.toLowerCase(Locale.ROOT));
            if (clash != null && clash != base) {
                // ESCO's "MATLAB" and O*NET's "The MathWorks MATLAB" renamed to "MATLAB": one skill.
                aliases.addAll(clash.aliases());
                entries.values().removeIf(e -> e == clash);
            }
            Entry merged = new Entry(canonical, base.kind(), base.source(), aliases, exact, base.hot());
            entries.values().removeIf(e -> e == base);
            curatedEntries.add(merged);
        }

        List<Entry> all = new ArrayList<>(curatedEntries);
        for (Entry e : entries.values()) {
            if (!all.contains(e)) {
                all.add(e);
            }
        }
        List<String> out = new ArrayList<>(header());
        Set<String> ids = new LinkedHashSet<>();
        Set<Entry> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Entry e : all) {
            if (!seen.add(e)) {
                continue;
            }
            applyAmbiguity(e, curated.ambiguous());
            String id = slug(e.name());
            String unique = id;
            for (int n = 2; !ids.add(unique); n++) {
                unique = id + "-" + n;
            }
            e.aliases().remove(e.name());
            out.add(String.join(
                    "\t",
                    unique,
                    e.name(),
                    e.kind(),
                    e.source(),
                    clean(e.aliases()),
                    clean(e.exact()),
                    e.hot() ? "1" : "0"));
        }
        return out;
    }

    /** "Microsoft Excel" → alias "Excel"; "Structured query language SQL" → alias "SQL". */
    static void addDerivedAliases(Entry entry, String name, Set<String> workWords) {
        for (String vendor : VENDORS) {
            if (name.startsWith(vendor + " ") && name.length() > vendor.length() + 1) {
                String product = name.substring(vendor.length() + 1);
                if (GENERIC_PRODUCT_WORDS.contains(product)
                        || (!product.contains(" ") && workWords.contains(product.toLowerCase(Locale.ROOT)))) {
                    break; // "Google Cloud" is not what a resume means by "Cloud", nor "Adobe AIR" by "Air"
                }
                boolean oneWord = !product.contains(" ");
                boolean titleCase = product.length() > 1
                        && Character.isUpperCase(product.charAt(0))
                        && product.substring(1).chars().allMatch(Character::isLowerCase);
                if (oneWord && titleCase) {
                    entry.exact().add(product); // "Excel", "Word": only as written
                } else {
                    entry.aliases().add(product);
                }
                break;
            }
        }
        String[] words = name.split("\\s+");
        if (words.length >= 3) {
            String last = words[words.length - 1];
            if (last.length() >= 2
                    && last.equals(last.toUpperCase(Locale.ROOT))
                    && last.chars().allMatch(Character::isLetter)) {
                StringBuilder initials = new StringBuilder();
                for (int i = 0; i < words.length - 1; i++) {
                    if (!SMALL_WORDS.contains(words[i].toLowerCase(Locale.ROOT))) {
                        initials.append(Character.toUpperCase(words[i].charAt(0)));
                    }
                }
                String expansion = String.join(" ", java.util.Arrays.copyOf(words, words.length - 1));
                if (initials.toString().endsWith(last)) {
                    entry.aliases().add(expansion);
                    if (initials.toString().equals(last)) {
                        entry.aliases().add(last); // the acronym stands for the whole name
                    }
                }
            }
        }
    }

    /** "Hypertext markup language HTML" → "HTML": a trailing acronym that spells every word before it. */
    static String wholeNameAcronym(String name) {
        String[] words = name.split("\\s+");
        if (words.length < 3) {
            return null;
        }
        String last = words[words.length - 1];
        if (last.length() < 2
                || !last.equals(last.toUpperCase(Locale.ROOT))
                || !last.chars().allMatch(Character::isLetter)) {
            return null;
        }
        StringBuilder initials = new StringBuilder();
        for (int i = 0; i < words.length - 1; i++) {
            if (!SMALL_WORDS.contains(words[i].toLowerCase(Locale.ROOT))) {
                initials.append(Character.toUpperCase(words[i].charAt(0)));
            }
        }
        return initials.toString().equals(last) ? last : null;
    }

    /** A product rather than a category: every word capitalised, or one word with capitals inside. */
    static boolean isProductName(String name) {
        String[] words = name.split("\\s+");
        if (words.length == 1) {
            return name.chars().skip(1).anyMatch(Character::isUpperCase);
        }
        for (String w : words) {
            if (!Character.isUpperCase(w.charAt(0)) && !Character.isDigit(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** Single ordinary words ("Word", "Access") are matched only with their capitalisation. */
    static void applyAmbiguity(Entry e, Set<String> ambiguous) {
        for (String alias : List.copyOf(e.aliases())) {
            if (ambiguous.contains(alias) || isTiny(alias)) {
                e.aliases().remove(alias);
                e.exact().add(alias);
            }
        }
        if (ambiguous.contains(e.name()) || isTiny(e.name())) {
            e.exact().add(e.name());
        }
    }

    /** One or two characters ("C", "R", "Go") mean something only as written. */
    static boolean isTiny(String form) {
        return form.strip().length() <= 2;
    }

    static String clean(Set<String> values) {
        return String.join(
                "|",
                values.stream().filter(v -> !v.isBlank()).map(String::strip).toList());
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT)
                .replace("c++", "c-plus-plus")
                .replace("c#", "c-sharp")
                .replace("+", "-plus")
                .replace("#", "-sharp");
        s = s.replaceAll("^\\.", "dot-").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "skill" : s;
    }

    record Curated(List<Row> rows, Set<String> ambiguous, Set<String> names) {
        record Row(String name, String canonical, List<String> aliases, List<String> exact) {}

        static Curated read(Path file) throws IOException {
            List<Row> rows = new ArrayList<>();
            Set<String> ambiguous = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> aliases = list(f.length > 2 ? f[2] : "");
                List<String> exact = list(f.length > 3 ? f[3] : "");
                if (f[0].equals("*ambiguous*")) {
                    ambiguous.addAll(exact);
                    continue;
                }
                rows.add(new Row(f[0].strip(), f.length > 1 ? f[1].strip() : "", aliases, exact));
                names.add(f[0].strip());
            }
            return new Curated(rows, ambiguous, names);
        }

        static List<String> list(String field) {
            return field.isBlank() ? List.of() : List.of(field.strip().split("\\|"));
        }
    }

    private TaxonomyBuilder() {}
}
