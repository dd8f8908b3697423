package io.github.stance4j.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.TimeBudgetExceededException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {
    private final Gazetteer g = Gazetteer.defaults();

    private String found(String text) {
        return g.find(text).stream().map(m -> m.target() + "=" + text.substring(m.start(), m.end())).collect(Collectors.joining(";"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NATO's strategy worries Moscow.|NATO=NATO's",
        "NATO’s strategy worries Moscow.|NATO=NATO’s",
        "ASEAN’s ministers met.|ASEAN=ASEAN’s",
        "The North Atlantic Treaty Organization expanded.|NATO=The North Atlantic Treaty Organization",
        "Leaders of the Atlantic alliance met.|NATO=the Atlantic alliance",
        "The Shanghai Cooperation Organisation met in Astana.|SCO=The Shanghai Cooperation Organisation",
        "SHANGHAI COOPERATION ORGANIZATION SUMMIT OPENS|SCO=SHANGHAI COOPERATION ORGANIZATION",
        "the Quad's foreign ministers met in Tokyo.|Quad=Quad's",
        "She rode quad bikes in the dunes.|",
        "The sco of the match was low; the au pair left.|",
        "AUKUS and the Quad differ from BRICS.|AUKUS=AUKUS;Quad=Quad;BRICS=BRICS",
        "OPEC+ cut output while OPEC debated.|OPEC=OPEC+;OPEC=OPEC",
        "Members of the Organization of Petroleum Exporting Countries met.|OPEC=the Organization of Petroleum Exporting Countries",
        "The OAU and the Organization of African Unity were the AU's forerunners.|African Union=OAU;African Union=the Organization of African Unity;African Union=AU's",
        "The EEC, the European Community and the G8 met.|EU=EEC;EU=the European Community;G7=G8",
        "The Western European Union is not the EU.|Western European Union=The Western European Union;EU=EU",
        "The Russia-EU summit opened.|EU=EU",
        "The g7+ of fragile states is not the G7 or the G7+ price cap.|g7+=g7+;G7=G7;G7=G7",
        "The Group of Seven Fragile States Plus met.|g7+=The Group of Seven Fragile States",
        "The Group of Seven Plus States met; the Group of Seven did not.|g7+=The Group of Seven Plus States;G7=the Group of Seven",
        "The Group of Seven Plus met, as did the Group of Seven plus Russia.|g7+=The Group of Seven Plus;G7=the Group of Seven",
        "The Eurasian Economic Community (EurAsEC) became the EAEU.|Eurasian Economic Union=The Eurasian Economic Community;Eurasian Economic Union=EurAsEC;Eurasian Economic Union=EAEU",
        "Mali left ECOWAS for the Alliance of Sahel States (AES).|ECOWAS=ECOWAS;Alliance of Sahel States=the Alliance of Sahel States;Alliance of Sahel States=AES",
        "The Non-Aligned Movement, the Group of 77 and the Warsaw Pact.|Non-Aligned Movement=The Non-Aligned Movement;Group of 77=the Group of 77;Warsaw Pact=the Warsaw Pact",
        "The Visegrad Four and the V4 are one.|Visegrad Group=The Visegrad Four;Visegrad Group=V4",
        "The G7's leaders and the Group of 20 met.|G7=G7's;G20=the Group of 20",
        "NATOs and ASEANs are not words here.|",
        "The European Union and the EU are the same.|EU=The European Union;EU=EU",
        "Gulf Cooperation Council states met.|GCC=Gulf Cooperation Council",
    })
    void find_explicitMentions(String text, String expected) {
        assertEquals(expected == null ? "" : expected, found(text));
    }

    @Test
    void find_implicitPhrases() {
        String text = "Allied leaders met; the alliance and its members agreed, as did the bloc.";
        List<String> phrases = g.findImplicit(text).stream().map(p -> text.substring(p.start(), p.end())).toList();
        assertEquals(List.of("Allied leaders", "the alliance", "its members", "the bloc"), phrases);
        assertTrue(g.findImplicit("allied leaders agreed").size() == 1);
    }

    @Test
    void builder_addsAndRemovesTargets() {
        Gazetteer custom = Gazetteer.builder().defaults().remove("NATO").add(Bloc.of("Belt and Road Initiative", "BRI")).build();
        assertEquals("Belt and Road Initiative=BRI", custom.find("NATO backed the BRI.").stream()
                .map(m -> m.target() + "=" + "NATO backed the BRI.".substring(m.start(), m.end())).collect(Collectors.joining(";")));
        assertNotNull(custom.lookup("BRI"));
    }

    @Test
    void builder_removeUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gazetteer.builder().remove("Nope"));
        assertTrue(e.getMessage().contains("Nope"));
    }

    @Test
    void builder_aliasClash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gazetteer.builder().defaults().add(Bloc.of("Not NATO", "NATO")).build());
        assertTrue(e.getMessage().contains("'NATO'"));
    }

    @Test
    void bloc_blankName() {
        assertThrows(IllegalArgumentException.class, () -> Bloc.of(" "));
    }

    @Test
    void lookup_aliasesAndCase() {
        assertEquals("SCO", g.lookup("the Shanghai Cooperation Organization").name());
        assertEquals("Quad", g.lookup("the Quad").name());
        assertEquals("NATO", g.lookup("NATO’s").name());
        assertEquals(Set.of("alliance", "bloc", "organisation"), g.lookup("NATO").kinds());
    }

    @Test
    void locate_mentionThenTargetThenSentence() {
        assertEquals(List.of(4, 16), List.of(g.locate("And the alliance, too.", "NATO", "the alliance")[0], g.locate("And the alliance, too.", "NATO", "the alliance")[1]));
        int[] s = g.locate("Leaders of the Atlantic alliance met.", "NATO", null);
        assertEquals("the Atlantic alliance", "Leaders of the Atlantic alliance met.".substring(s[0], s[1]));
        assertEquals(14, g.locate("Nothing named.", "NATO", null)[1]);
    }
    @Test
    void find_zeroWidthSpaceInsideName_stillFindsIt_withOffsetsIntoTheOriginal() {
        String text = "Officials said NA\u200BTO\u200D’s plan worried ASEAN.";
        List<Gazetteer.Match> m = g.find(text);
        assertEquals(2, m.size(), found(text));
        assertEquals("NATO", m.get(0).target());
        assertEquals("NA\u200BTO\u200D’s", text.substring(m.get(0).start(), m.get(0).end()));
        assertEquals("ASEAN", text.substring(m.get(1).start(), m.get(1).end()));
    }

    @Test
    void find_bidiMarksSoftHyphenAndBomAroundNames() {
        assertEquals("NATO=NATO;EU=E\u00ADU", found("\uFEFF\u202BThe \u200FNATO\u202C and the E\u00ADU met."));
    }

    @Test
    void find_namesTouchingCjkOrHangul() {
        assertEquals("NATO=NATO;ASEAN=ASEAN", found("北约NATO在亚洲的存在引起ASEAN关注。"));
        assertEquals("NATO=NATO", found("NATO는 회의를 열었다."));
        assertEquals("", found("NATOs and xASEAN are not mentions."));
    }

    @Test
    void findImplicit_zeroWidthJoinerInsidePhrase() {
        List<Gazetteer.Phrase> p = g.findImplicit("Then the al\u200Cliance hesitated.");
        assertEquals(1, p.size());
        assertEquals(5, p.get(0).start());
        assertEquals(18, p.get(0).end());
    }

    /** A check whose time budget has run out. */
    static final Runnable EXPIRED = () -> {
        throw new TimeBudgetExceededException(Duration.ofMillis(1));
    };

    @Test
    void find_expiredCheck_throws() {
        assertThrows(TimeBudgetExceededException.class, () -> g.find("NATO met ASEAN.", EXPIRED));
        assertThrows(TimeBudgetExceededException.class, () -> g.findImplicit("The alliance met.", EXPIRED));
    }

    @Test
    void find_checkThatPasses_sameMatches_checkedAtLeastEvery4096Chars() {
        String text = "leaders of NATO met the bloc again ".repeat(6_000); // 210,000 chars
        int[] calls = {0};
        assertEquals(g.find(text), g.find(text, () -> calls[0]++));
        assertTrue(calls[0] >= text.length() / Gazetteer.CHECK_INTERVAL, calls[0] + " checks");
        calls[0] = 0;
        assertEquals(g.findImplicit(text), g.findImplicit(text, () -> calls[0]++));
        assertTrue(calls[0] >= text.length() / Gazetteer.CHECK_INTERVAL, calls[0] + " checks");
    }

    @Test
    void find_checkThrowsMidwayThroughALongTextWithoutNames_stopsThere() {
        String text = "leaders met again ".repeat(20_000);
        int[] calls = {0};
        IllegalStateException stop = new IllegalStateException("out of time");
        assertSame(stop, assertThrows(IllegalStateException.class, () -> g.find(text, () -> {
            if (++calls[0] == 3) {
                throw stop;
            }
        })));
        assertEquals(3, calls[0]);
    }
}
