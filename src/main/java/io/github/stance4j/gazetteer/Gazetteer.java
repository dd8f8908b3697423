package io.github.stance4j.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds bloc mentions in text: explicit names and aliases (with possessives, straight or curly
 * apostrophe), and implicit phrases ("the alliance", "the bloc", "its members") for
 * {@link MentionResolver} to resolve.
 *
 * <pre>{@code
 * Gazetteer g = Gazetteer.builder().defaults().add(Bloc.of("Belt and Road Initiative", "BRI")).build();
 * g.find("NATO’s envoy met ASEAN ministers."); // NATO [0, 6), ASEAN [17, 22)
 * }</pre>
 *
 * <p>Immutable and thread-safe. Acronyms that are also ordinary words ("Quad", "SCO", "AU") are
 * matched only in the case the gazetteer gives, so "quad bikes" or "sco" in prose do not match.
 *
 * <p>Matching reads the text without its invisible format characters (Unicode category Cf: zero-width
 * space and joiners, soft hyphen, bidi marks and isolates, BOM), so "NA\u200BTO" is a mention of
 * NATO; offsets still index the original text, and a mention's span covers the characters it
 * skipped. Letters of scripts written without spaces between words (Han, kana, Hangul, Thai) do
 * not count as a word boundary, so "北约NATO" and "NATO는" hold a mention.
 */
public final class Gazetteer {
    private static final String RESOURCE = "/io/github/stance4j/gazetteer/blocs.tsv";
    /** A letter or digit of a script that separates words with spaces: a name next to one is part of a longer word. */
    private static final String SPACED_WORD_CHAR = "[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}\\p{IsThai}]]";
    private static final String BOUNDARY_BEFORE = "(?<!" + SPACED_WORD_CHAR + ")";
    private static final String BOUNDARY_AFTER = "(?:['’]s)?(?!" + SPACED_WORD_CHAR + ")";
    /** Chars a matcher reads between two runs of its check. */
    static final int CHECK_INTERVAL = 4096;
    /** The check of the calls without one: no wrapper around the text. */
    static final Runnable NO_CHECK = () -> {};

    /** Implicit phrases and the kinds of bloc they may refer to; "*" fits every kind. */
    private static final Map<String, String> IMPLICIT = new LinkedHashMap<>();

    static {
        for (String p : List.of("the alliance", "the Alliance", "the military alliance", "the defence alliance", "the defense alliance",
                "the security alliance", "the transatlantic alliance", "allied leaders", "allied governments", "allied officials",
                "allied ministers", "allied commanders", "allied forces", "allied troops", "alliance members", "alliance leaders",
                "alliance expansion", "the allies", "its allies")) {
            IMPLICIT.put(p, "alliance");
        }
        for (String p : List.of("the bloc", "the trade bloc", "the regional bloc", "the economic bloc", "the bloc's", "the grouping",
                "the regional grouping")) {
            IMPLICIT.put(p, "bloc,group,union,community,alliance");
        }
        IMPLICIT.put("the Union", "union");
        IMPLICIT.put("the 27", "union");
        IMPLICIT.put("the organisation", "organisation,association");
        IMPLICIT.put("the organization", "organisation,association");
        IMPLICIT.put("the Organization", "organisation,association");
        IMPLICIT.put("the association", "association");
        IMPLICIT.put("the forum", "forum");
        IMPLICIT.put("the pact", "pact,agreement,alliance");
        IMPLICIT.put("the security pact", "pact,alliance");
        IMPLICIT.put("the trade pact", "pact,agreement");
        IMPLICIT.put("the agreement", "agreement");
        IMPLICIT.put("the partnership", "partnership");
        IMPLICIT.put("the framework", "framework");
        IMPLICIT.put("the group", "group");
        IMPLICIT.put("the club", "group,club");
        IMPLICIT.put("the cartel", "cartel");
        IMPLICIT.put("the council", "council");
        IMPLICIT.put("the community", "community");
        IMPLICIT.put("the summit", "summit");
        for (String p : List.of("member states", "member countries", "member nations", "its members", "its member states",
                "its member countries", "member governments")) {
            IMPLICIT.put(p, "*");
        }
        for (String p : List.of("the moves", "the move", "the expansion", "the enlargement", "its expansion", "its enlargement",
                "its presence", "its strategy", "its role")) {
            IMPLICIT.put(p, "*weak");
        }
    }

    private final Map<String, Bloc> blocs;
    private final Pattern explicit;
    private final Map<String, String> aliasToName; // exact aliases
    private final Map<String, String> foldedAliasToName; // case-insensitive aliases, lower-cased
    private final Pattern implicit;

    private Gazetteer(Map<String, Bloc> blocs) {
        this.blocs = Map.copyOf(blocs);
        Map<String, String> exact = new HashMap<>();
        Map<String, String> folded = new HashMap<>();
        List<Map.Entry<String, String>> alternatives = new ArrayList<>(); // alias, its pattern
        for (Bloc b : blocs.values()) {
            for (String a : b.aliases()) {
                String prev = exact.put(a, b.name());
                if (prev != null && !prev.equals(b.name())) {
                    throw new IllegalArgumentException("alias '" + a + "' names both " + prev + " and " + b.name());
                }
                alternatives.add(Map.entry(a, Pattern.quote(a)));
            }
            for (String a : b.caseInsensitiveAliases()) {
                String prev = folded.put(a.toLowerCase(Locale.ROOT), b.name());
                if (prev != null && !prev.equals(b.name())) {
                    throw new IllegalArgumentException("alias '" + a + "' names both " + prev + " and " + b.name());
                }
                alternatives.add(Map.entry(a, "(?iu:" + Pattern.quote(a) + ")"));
            }
        }
        this.aliasToName = exact;
        this.foldedAliasToName = folded;
        this.explicit = Pattern.compile(BOUNDARY_BEFORE + "(" + longestFirst(alternatives) + ")" + BOUNDARY_AFTER);
        List<Map.Entry<String, String>> implicitAlternatives = new ArrayList<>();
        for (String p : IMPLICIT.keySet()) {
            implicitAlternatives.add(Map.entry(p, Pattern.quote(p)));
            String capital = Character.toUpperCase(p.charAt(0)) + p.substring(1);
            if (!IMPLICIT.containsKey(capital)) {
                implicitAlternatives.add(Map.entry(capital, Pattern.quote(capital))); // at the start of a sentence
            }
        }
        this.implicit = Pattern.compile(BOUNDARY_BEFORE + "(" + longestFirst(implicitAlternatives) + ")" + BOUNDARY_AFTER);
    }

    /** The patterns as one alternation, longest alias first (by the alias's own length, not its pattern's). */
    private static String longestFirst(List<Map.Entry<String, String>> alternatives) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(alternatives);
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        StringJoiner out = new StringJoiner("|");
        sorted.forEach(e -> out.add(e.getValue()));
        return out.toString();
    }

    /** The gazetteer of the blocs stance4j knows (NATO, EU, ASEAN, SCO, APEC, BRICS, AUKUS, the Quad, ...). */
    public static Gazetteer defaults() {
        return builder().defaults().build();
    }

    /** A builder, empty until {@link Builder#defaults()} or {@link Builder#add} fill it. */
    public static Builder builder() {
        return new Builder();
    }

    /** The blocs, by canonical name. */
    public Map<String, Bloc> blocs() {
        return blocs;
    }

    /** The bloc of that canonical name or alias (any case for case-insensitive aliases), or null. */
    public Bloc lookup(String nameOrAlias) {
        if (nameOrAlias == null) {
            return null;
        }
        String s = stripPossessive(nameOrAlias.strip());
        if (s.startsWith("the ") && !aliasToName.containsKey(s)) {
            s = s.substring(4);
        }
        if (blocs.containsKey(s)) {
            return blocs.get(s);
        }
        String name = aliasToName.get(s);
        if (name == null) {
            name = foldedAliasToName.get(s.toLowerCase(Locale.ROOT));
        }
        if (name == null) {
            for (Bloc b : blocs.values()) {
                if (b.name().equalsIgnoreCase(s)) {
                    return b;
                }
            }
        }
        return name == null ? null : blocs.get(name);
    }

    /** An explicit mention: the bloc's canonical name and the span of the words naming it. */
    public record Match(String target, int start, int end) {}

    /** An implicit phrase and the kinds of bloc it may refer to. */
    public record Phrase(Set<String> kinds, boolean weak, int start, int end) {}

    /** Explicit mentions in {@code text}, left to right, not overlapping. */
    public List<Match> find(CharSequence original) {
        return find(original, NO_CHECK);
    }

    /**
     * {@link #find(CharSequence)}, running {@code check} at the start and then once every 4,096
     * characters the matcher reads; whatever it throws (a {@code TimeBudgetExceededException} when
     * a time budget has run out) stops the search.
     */
    public List<Match> find(CharSequence original, Runnable check) {
        check.run();
        View view = View.of(original);
        CharSequence text = view.text();
        List<Match> out = new ArrayList<>();
        Matcher m = explicit.matcher(Checked.of(text, check));
        while (m.find()) {
            String alias = m.group(1);
            String name = aliasToName.get(alias);
            if (name == null) {
                name = foldedAliasToName.get(alias.toLowerCase(Locale.ROOT));
            }
            int start = m.start();
            // "the Atlantic alliance": report the article with the name
            if (start >= 4 && alias.contains(" ") && !alias.startsWith("the ")
                    && text.subSequence(start - 4, start).toString().equalsIgnoreCase("the ")) {
                start -= 4;
            }
            out.add(new Match(name, view.start(start), view.end(m.end())));
        }
        return out;
    }

    /** Implicit phrases in {@code text}, left to right. */
    public List<Phrase> findImplicit(CharSequence original) {
        return findImplicit(original, NO_CHECK);
    }

    /** {@link #findImplicit(CharSequence)}, running {@code check} as {@link #find(CharSequence, Runnable)} does. */
    public List<Phrase> findImplicit(CharSequence original, Runnable check) {
        check.run();
        View view = View.of(original);
        List<Phrase> out = new ArrayList<>();
        Matcher m = implicit.matcher(Checked.of(view.text(), check));
        while (m.find()) {
            String phrase = m.group(1);
            String kinds = IMPLICIT.containsKey(phrase) ? IMPLICIT.get(phrase)
                    : IMPLICIT.get(Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1));
            boolean weak = kinds.equals("*weak");
            Set<String> set = kinds.startsWith("*") ? Set.of("*") : Set.copyOf(Arrays.asList(kinds.split(",")));
            out.add(new Phrase(set, weak, view.start(m.start()), view.end(m.end())));
        }
        return out;
    }

    /** The text as a matcher reads it, running a check every {@value #CHECK_INTERVAL} chars read. */
    private static final class Checked implements CharSequence {
        private final CharSequence text;
        private final Runnable check;
        private int countdown = CHECK_INTERVAL;

        private Checked(CharSequence text, Runnable check) {
            this.text = text;
            this.check = check;
        }

        static CharSequence of(CharSequence text, Runnable check) {
            return check == NO_CHECK ? text : new Checked(text, check);
        }

        @Override
        public char charAt(int index) {
            if (--countdown == 0) {
                countdown = CHECK_INTERVAL;
                check.run();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /**
     * The text as matching reads it: without format characters (Cf), and for each of its chars
     * the index of the original char it came from ({@code origin} null when nothing was removed).
     */
    private record View(CharSequence text, int[] origin) {
        static View of(CharSequence text) {
            int n = text.length();
            int i = 0;
            while (i < n && Character.getType(text.charAt(i)) != Character.FORMAT) {
                i++;
            }
            if (i == n) {
                return new View(text, null);
            }
            StringBuilder kept = new StringBuilder(n);
            int[] origin = new int[n];
            for (int k = 0; k < n; k++) {
                char c = text.charAt(k);
                if (Character.getType(c) != Character.FORMAT) {
                    origin[kept.length()] = k;
                    kept.append(c);
                }
            }
            return new View(kept, origin);
        }

        /** The original index of the view's char {@code i}. */
        int start(int i) {
            return origin == null ? i : origin[i];
        }

        /** The original end (exclusive) of a view span ending at {@code i}, {@code i > 0}. */
        int end(int i) {
            return origin == null ? i : origin[i - 1] + 1;
        }
    }

    /**
     * Where a labelled item's target is in its sentence: the mention's words if given and present,
     * else the target's first match, else the target's name in any case, else the whole sentence.
     *
     * @return {start, end}
     */
    public int[] locate(String sentence, String target, String mention) {
        if (mention != null && !mention.isEmpty()) {
            int at = sentence.indexOf(mention);
            if (at >= 0) {
                return new int[] {at, at + mention.length()};
            }
        }
        Bloc bloc = lookup(target);
        String canonical = bloc != null ? bloc.name() : target;
        for (Match m : find(sentence)) {
            if (m.target().equals(canonical)) {
                return new int[] {m.start(), m.end()};
            }
        }
        if (target != null && !target.isEmpty()) {
            int at = sentence.toLowerCase(Locale.ROOT).indexOf(target.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                return new int[] {at, at + target.length()};
            }
        }
        return new int[] {0, sentence.length()};
    }

    private static String stripPossessive(String s) {
        return s.endsWith("'s") || s.endsWith("’s") ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * Collects blocs, then {@link #build()} returns an immutable gazetteer. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Bloc> blocs = new LinkedHashMap<>();

        private Builder() {}

        /** Adds the blocs stance4j ships with. */
        public Builder defaults() {
            try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("gazetteer resource missing: " + RESOURCE);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split("\t");
                    List<String> exact = new ArrayList<>();
                    List<String> folded = new ArrayList<>();
                    for (String a : f[2].split("\\|")) {
                        (a.startsWith("i:") ? folded : exact).add(a.startsWith("i:") ? a.substring(2) : a);
                    }
                    add(new Bloc(f[0], Set.of(f[1].split(",")), exact, folded));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            return this;
        }

        /** Adds a bloc, or replaces the one of the same name. */
        public Builder add(Bloc bloc) {
            if (bloc == null) {
                throw new IllegalArgumentException("bloc must not be null");
            }
            blocs.put(bloc.name(), bloc);
            return this;
        }

        /**
         * Removes the bloc of that canonical name.
         *
         * @throws IllegalArgumentException if there is none
         */
        public Builder remove(String name) {
            if (blocs.remove(name) == null) {
                throw new IllegalArgumentException("no bloc named '" + name + "' to remove");
            }
            return this;
        }

        /** The gazetteer; the builder can go on being used. */
        public Gazetteer build() {
            return new Gazetteer(blocs);
        }
    }
}
