package io.github.stance4j.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the gazetteer (jqwik): every mention's span lies inside the text, in order, and reads
 * as an alias of its target (invisible format characters aside); invisible characters never
 * change which blocs are found.
 */
class GazetteerFuzzTest {
    private static final Gazetteer G = Gazetteer.defaults();
    private static final List<String> ALIASES = new ArrayList<>();

    static {
        for (Bloc b : G.blocs().values()) {
            ALIASES.addAll(b.aliases());
            ALIASES.addAll(b.caseInsensitiveAliases());
            ALIASES.add(b.name());
        }
    }

    private static final List<String> OTHER = List.of(" ", " ", " ", ", ", ". ", "'s", "’s", "the ", "The ", "leaders", "xNATO",
            "quad", "北约", "는", "!", "\n", "-", "(", ")", "\"", "\u200B", "\u200D", "\u200F", "\u00AD", "\uFEFF", "\u0000", "\uD800");

    @Provide
    Arbitrary<String> withNames() {
        return Arbitraries.oneOf(Arbitraries.of(ALIASES), Arbitraries.of(OTHER), Arbitraries.of(OTHER)).list().ofMaxSize(30)
                .map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> invisible() {
        return Arbitraries.of("\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\u2069", "\u00AD", "\uFEFF");
    }

    @Property
    void everyMention_insideTheText_inOrder_readsAsAnAliasOfItsTarget(@ForAll("withNames") String text) {
        assertMentions(text);
    }

    @Property
    void anyString_everyMention_insideTheText_readsAsAnAlias(@ForAll String text) {
        assertMentions(text);
    }

    @Property
    void invisibleCharacters_neverChangeWhichBlocsAreFound(@ForAll("withNames") String text, @ForAll("invisible") String mark,
                                                            @ForAll long seed) {
        StringBuilder marked = new StringBuilder();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < text.length(); i++) {
            if (r.nextInt(4) == 0) {
                marked.append(mark);
            }
            marked.append(text.charAt(i));
        }
        assertEquals(targets(text), targets(marked.toString()), "with marks: " + marked);
    }

    @Example
    void finding_zeroWidthSpaceInsideNato() {
        assertEquals(List.of("NATO"), targets("NA\u200BTO"));
    }

    private static List<String> targets(String text) {
        return G.find(text).stream().map(Gazetteer.Match::target).toList();
    }

    static void assertMentions(String text) {
        int last = 0;
        for (Gazetteer.Match m : G.find(text)) {
            assertTrue(m.start() >= last && m.end() > m.start() && m.end() <= text.length(), "span " + m + " in " + text);
            last = m.end();
            String words = visible(text.substring(m.start(), m.end()));
            if (words.toLowerCase(Locale.ROOT).startsWith("the ") && G.lookup(stripPossessive(words)) == null) {
                words = words.substring(4);
            }
            Bloc b = G.lookup(stripPossessive(words));
            assertNotNull(b, "'" + words + "' is no alias");
            assertEquals(m.target(), b.name(), "'" + words + "'");
        }
    }

    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.getType(c) != Character.FORMAT) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String stripPossessive(String s) {
        return s.endsWith("'s") || s.endsWith("’s") ? s.substring(0, s.length() - 2) : s;
    }
}
