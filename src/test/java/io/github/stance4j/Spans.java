package io.github.stance4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** One assertion helper for spans: texts, offsets that map back to the text, offsets that only move forward. */
public final class Spans {
    private Spans() {}

    /** Asserts that {@code [starts[i], ends[i])} of {@code text} are exactly {@code expected}, in order, not overlapping. */
    public static void assertSpans(String text, List<String> expected, int[] starts, int[] ends) {
        assertEquals(expected.size(), starts.length, "span count: " + spansOf(text, starts, ends));
        int last = 0;
        for (int i = 0; i < starts.length; i++) {
            assertTrue(starts[i] >= last, "span " + i + " starts before the previous one ends");
            assertTrue(ends[i] > starts[i] && ends[i] <= text.length(), "span " + i + " out of bounds");
            assertEquals(expected.get(i), text.substring(starts[i], ends[i]), "span " + i);
            last = ends[i];
        }
    }

    private static List<String> spansOf(String text, int[] starts, int[] ends) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            out.add(text.substring(starts[i], ends[i]));
        }
        return out;
    }
}
