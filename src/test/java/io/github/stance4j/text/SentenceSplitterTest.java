package io.github.stance4j.text;

import static io.github.stance4j.Spans.assertSpans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.TimeBudgetExceededException;
import io.github.stance4j.text.SentenceSplitter.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class SentenceSplitterTest {

    static List<Arguments> cases() {
        return List.of(
                Arguments.of("NATO met. ASEAN did not.", List.of("NATO met.", "ASEAN did not.")),
                Arguments.of("The U.S. and NATO agreed. Russia objected.", List.of("The U.S. and NATO agreed.", "Russia objected.")),
                Arguments.of("Sanctions came from the U.S. The EU followed.", List.of("Sanctions came from the U.S.", "The EU followed.")),
                Arguments.of("Gen. Mark Milley briefed NATO envoys. Mr. Lavrov answered.",
                        List.of("Gen. Mark Milley briefed NATO envoys.", "Mr. Lavrov answered.")),
                Arguments.of("Resolution No. 2 passed. It binds the bloc.", List.of("Resolution No. 2 passed.", "It binds the bloc.")),
                Arguments.of("Trade grew 3.5 percent in 2023. ASEAN cheered.", List.of("Trade grew 3.5 percent in 2023.", "ASEAN cheered.")),
                Arguments.of("\"NATO is a relic.\" Lavrov said so twice.", List.of("\"NATO is a relic.\"", "Lavrov said so twice.")),
                Arguments.of("“Is the alliance needed?” he asked. Nobody answered.",
                        List.of("“Is the alliance needed?” he asked.", "Nobody answered.")),
                Arguments.of("The bloc (which met in Jakarta. Again.) stalled. Talks resume Monday.",
                        List.of("The bloc (which met in Jakarta. Again.) stalled.", "Talks resume Monday.")),
                Arguments.of("(The figure was revised.) Officials declined to comment.",
                        List.of("(The figure was revised.)", "Officials declined to comment.")),
                Arguments.of("The alliance hesitated... Then it acted.", List.of("The alliance hesitated...", "Then it acted.")),
                Arguments.of("The talks ... went nowhere. Diplomats left.", List.of("The talks ... went nowhere.", "Diplomats left.")),
                Arguments.of("Leaders waited… Nothing came.", List.of("Leaders waited…", "Nothing came.")),
                Arguments.of("J. R. Smith of the E.U. mission spoke.", List.of("J. R. Smith of the E.U. mission spoke.")),
                Arguments.of("Headline without a period\n\nFirst paragraph starts here.", List.of("Headline without a period", "First paragraph starts here.")),
                Arguments.of("Why would ASEAN agree?! It would not.", List.of("Why would ASEAN agree?!", "It would not.")),
                Arguments.of("  Leading space. Trailing space.  ", List.of("Leading space.", "Trailing space.")),
                Arguments.of("", List.of()),
                Arguments.of("Visit nato.int for details. Thanks.", List.of("Visit nato.int for details.", "Thanks.")),
                // other scripts (issue 10)
                Arguments.of("北约峰会在布鲁塞尔举行。成员国讨论了防务开支！会议何时结束？",
                        List.of("北约峰会在布鲁塞尔举行。", "成员国讨论了防务开支！", "会议何时结束？")),
                Arguments.of("「北约在扩张。」他说。东盟回应了｡", List.of("「北约在扩张。」", "他说。", "东盟回应了｡")),
                Arguments.of("北约（NATO。）峰会举行。", List.of("北约（NATO。）峰会举行。")),
                Arguments.of("اجتمع قادة الناتو في بروكسل. هل سيتوسع الحلف؟ لم يجب أحد.",
                        List.of("اجتمع قادة الناتو في بروكسل.", "هل سيتوسع الحلف؟", "لم يجب أحد.")),
                Arguments.of("ناتو کا اجلاس ہوا۔ وزراء نے بات کی۔", List.of("ناتو کا اجلاس ہوا۔", "وزراء نے بات کی۔")),
                Arguments.of("NATO met. 北约开会了。", List.of("NATO met.", "北约开会了。")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void split_newsText(String text, List<String> expected) {
        List<Span> spans = SentenceSplitter.split(text);
        assertSpans(text, expected, spans.stream().mapToInt(Span::start).toArray(), spans.stream().mapToInt(Span::end).toArray());
    }

    @Test
    void split_null() {
        assertThrows(IllegalArgumentException.class, () -> SentenceSplitter.split(null));
    }

    /** A check whose time budget has run out. */
    private static final Runnable EXPIRED = () -> {
        throw new TimeBudgetExceededException(Duration.ofMillis(1));
    };

    @Test
    void split_expiredCheck_throws() {
        assertThrows(TimeBudgetExceededException.class, () -> SentenceSplitter.split("NATO met. ASEAN did not.", EXPIRED));
    }

    @Test
    void split_checkThatPasses_sameSpans_checkedEvery4096Chars() {
        for (String text : List.of("NATO met in Brussels. ".repeat(20_000), "leaders met again ".repeat(20_000))) {
            int[] calls = {0};
            assertEquals(SentenceSplitter.split(text), SentenceSplitter.split(text, () -> calls[0]++));
            assertTrue(calls[0] >= text.length() / SentenceSplitter.CHECK_INTERVAL, calls[0] + " checks for " + text.length() + " chars");
        }
    }

    @Test
    void split_checkThrowsMidway_stopsThere() {
        String line = "leaders met again ".repeat(20_000); // one sentence of 360,000 chars
        int[] calls = {0};
        IllegalStateException stop = new IllegalStateException("out of time");
        Runnable thirdThrows = () -> {
            if (++calls[0] == 3) {
                throw stop;
            }
        };
        assertSame(stop, assertThrows(IllegalStateException.class, () -> SentenceSplitter.split(line, thirdThrows)));
        assertEquals(3, calls[0]);
    }

    @Test
    void split_checkNull() {
        assertThrows(IllegalArgumentException.class, () -> SentenceSplitter.split("NATO met.", null));
    }
}
