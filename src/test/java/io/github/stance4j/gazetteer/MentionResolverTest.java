package io.github.stance4j.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.TimeBudgetExceededException;

import io.github.stance4j.gazetteer.MentionResolver.Mention;
import io.github.stance4j.text.SentenceSplitter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MentionResolverTest {
    private final MentionResolver resolver = new MentionResolver(Gazetteer.defaults());

    private List<String> resolve(String text) {
        List<List<Mention>> m = resolver.resolve(text, SentenceSplitter.split(text));
        return m.stream().map(s -> s.stream().map(x -> x.target() + "=" + text.substring(x.start(), x.end()) + (x.implicit() ? "*" : ""))
                .collect(Collectors.joining(";"))).toList();
    }

    @Test
    void implicit_resolvesToMostRecentFittingBloc() {
        assertEquals(List.of("NATO=NATO;ASEAN=ASEAN", "NATO=The alliance*", "ASEAN=the bloc*"),
                resolve("NATO officials visited ASEAN. The alliance was criticised. Later the bloc issued a statement."));
    }

    @Test
    void implicit_alliedLeaders_seedCase() {
        assertEquals(List.of("NATO=NATO", "NATO=allied leaders*"),
                resolve("There is talk of NATO expanding its outreach. At a summit in Lithuania, allied leaders signaled a commitment."));
    }

    @Test
    void implicit_weakPhraseOnlyAfterPreviousSentence() {
        assertEquals(List.of("NATO=NATO", "NATO=the moves*"), resolve("NATO moved east. Lavrov described the moves as an intrusion."));
        assertEquals(List.of("NATO=NATO", "", "", ""), resolve("NATO moved east. Rain fell. Snow fell. Lavrov described the moves as an intrusion."));
    }

    @Test
    void implicit_droppedWhenBlocNamedInSentence() {
        assertEquals(List.of("NATO=NATO"), resolve("NATO said the alliance would grow."));
    }

    @Test
    void implicit_withoutAntecedent_isIgnored() {
        assertEquals(List.of(""), resolve("The alliance met."));
    }

    @Test
    void offsets_indexTheDocument() {
        String text = "Intro here. NATO’s envoys met ASEAN’s.";
        List<List<Mention>> m = resolver.resolve(text, SentenceSplitter.split(text));
        assertEquals("NATO’s", text.substring(m.get(1).get(0).start(), m.get(1).get(0).end()));
        assertEquals("ASEAN’s", text.substring(m.get(1).get(1).start(), m.get(1).get(1).end()));
    }
    @Test
    void manyMentionsInOneSentence_allFound_inOrder() {
        String text = "NATO and the alliance, ".repeat(20_000) + "ASEAN.";
        List<List<Mention>> m = resolver.resolve(text, SentenceSplitter.split(text));
        assertEquals(1, m.size());
        assertEquals(20_001, m.get(0).size()); // the implicit phrases are dropped: NATO is named in the sentence
        assertEquals("ASEAN", m.get(0).get(20_000).target());
    }

    @Test
    void resolve_expiredCheck_throws() {
        String text = "NATO met. The alliance left.";
        assertThrows(TimeBudgetExceededException.class, () -> resolver.resolve(text, SentenceSplitter.split(text), GazetteerTest.EXPIRED));
    }

    @Test
    void resolve_checkThatPasses_sameMentions_checkedBeforeEachSentence() {
        String text = "NATO met. The alliance left. ".repeat(1000);
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text);
        int[] calls = {0};
        assertEquals(resolver.resolve(text, spans), resolver.resolve(text, spans, () -> calls[0]++));
        assertTrue(calls[0] >= spans.size(), calls[0] + " checks for " + spans.size() + " sentences");
    }
}
