package io.github.stance4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.tokenize.Encoding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bounded work per sentence: long sentences in windows, many mentions grouped by target, and
 * ordinary sentences read exactly as before (the same batch items the old recipe built).
 */
class StanceModelWindowsTest {
    private static StanceModel model;

    @BeforeAll
    static void load() throws Exception {
        model = new StanceModel(ModelBundle.embedded());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static StanceModel.Input input(String text, String... mentions) {
        List<int[]> spans = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        int from = 0;
        for (String m : mentions) {
            int at = text.indexOf(m, from);
            spans.add(new int[] {at, at + m.length()});
            targets.add(m);
            from = at + m.length();
        }
        return new StanceModel.Input(text, spans, targets);
    }

    /** The words of a long sentence: "word0 word1 ..." (one token each, and "," between some). */
    private static String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i % 7 == 6 ? "talks, " : "leaders met ");
        }
        return b.toString();
    }

    @Test
    void ordinarySentence_itemsAreThoseOfTheOldRecipe() {
        String text = "Beijing praised ASEAN’s approach while warning against NATO.";
        StanceModel.Input in = input(text, "ASEAN", "NATO");
        Encoding e = model.tokenizer().encode(StanceModel.normalize(text), model.config().maxLength());
        List<Batch.Item> items = model.tokenize(in);
        assertEquals(2, items.size());
        for (int j = 0; j < 2; j++) {
            Batch.Item old = StanceModel.targetItem(model.config().design(), model.config().maxLength(), model.tokenizer(), e, text,
                    in.mentionSpans().get(j), in.targets().get(j));
            assertArrayEquals(old.ids(), items.get(j).ids());
            assertArrayEquals(old.typeIds(), items.get(j).typeIds());
            assertArrayEquals(old.mentionTokens().get(0), items.get(j).mentionTokens().get(0));
        }
    }

    @Test
    void longSentence_windowsCoverEveryToken_overlap_andFitTheModel() {
        Encoding full = model.tokenizer().encode(words(300), Integer.MAX_VALUE);
        int n = full.length() - 2;
        int body = model.config().maxLength() - 2;
        int[] starts = model.windowStarts(full, model.config().maxLength());
        assertEquals(0, starts[0]);
        assertEquals(n, starts[starts.length - 1] + body, "the last window ends with the text");
        for (int w = 1; w < starts.length; w++) {
            assertTrue(starts[w] > starts[w - 1], "windows move forward");
            assertTrue(starts[w] < starts[w - 1] + body, "windows overlap");
        }
        assertTrue(starts.length <= 2 * n / body + 2, "about two windows per window length: " + starts.length);
    }

    @Test
    void longSentence_eachMentionIsMarkedInAWindowThatHoldsIt_notCut() {
        String text = "NATO warned " + words(200) + "while ASEAN waited and " + words(200) + "the EU said nothing.";
        StanceModel.Input in = input(text, "NATO", "ASEAN", "EU");
        StanceModel.Plan plan = model.plan(in);
        assertTrue(plan.sentimentItems().length > 5, "sentiment over every window: " + plan.sentimentItems().length);
        for (int j = 0; j < 3; j++) {
            Batch.Item item = plan.items().get(plan.stanceRefs()[j][0]);
            int[] range = item.mentionTokens().get(0);
            boolean markers = model.config().markerTokens();
            // a window is at most the model's length; marker tokens add their two around the mention
            assertTrue(item.ids().length <= model.config().maxLength() + (markers ? 2 : 0), "a window fits the model");
            StringBuilder marked = new StringBuilder();
            int from = range[0];
            int to = range[1];
            if (markers) {
                assertEquals(StanceModel.MARKER, item.ids()[from], "the mention opens with [unused0], not read from the target's name");
                assertEquals(StanceModel.MARKER + 1, item.ids()[to - 1], "the mention closes with [unused1]");
                from++;
                to--;
            }
            for (int t = from; t < to; t++) {
                if (!markers) {
                    assertEquals(1, item.typeIds()[t], "the mention is marked, not read from the target's name");
                }
                marked.append(model.tokenizer().token(item.ids()[t]));
            }
            assertEquals(in.targets().get(j).toLowerCase(), marked.toString());
            int context = Math.min(range[0] - 1, item.ids().length - 1 - range[1]);
            assertTrue(context >= 20 || j == 0 || j == 2, "ASEAN sits mid-text, with context on both sides: " + context);
        }
    }

    @Test
    void longSentence_predictGivesOneSentimentAndAStancePerMention() {
        String text = "NATO warned " + words(200) + "while ASEAN waited.";
        StanceModel.Output out = model.predict(List.of(input(text, "NATO", "ASEAN"))).get(0);
        assertEquals(1.0, out.sentiment()[0] + out.sentiment()[1] + out.sentiment()[2], 1e-4);
        assertEquals(2, out.stance().length);
    }

    @Test
    void manyMentions_oneForwardPerDistinctTarget() {
        String text = "NATO, ASEAN, ".repeat(10) + "and NATO again.";
        String[] mentions = new String[21];
        for (int i = 0; i < 20; i++) {
            mentions[i] = i % 2 == 0 ? "NATO" : "ASEAN";
        }
        mentions[20] = "NATO";
        StanceModel.Plan plan = model.plan(input(text, mentions));
        assertEquals(2, plan.items().size());
        for (int j = 0; j < 21; j++) {
            assertEquals(j % 2 == 0 || j == 20 ? 0 : 1, plan.stanceRefs()[j][0]);
        }
    }

    @Test
    void upToTheCap_eachMentionKeepsItsOwnForward() {
        StanceModel.Plan plan = model.plan(input("NATO, NATO, NATO, NATO, NATO, NATO, NATO and NATO met.",
                "NATO", "NATO", "NATO", "NATO", "NATO", "NATO", "NATO", "NATO"));
        assertEquals(StanceModel.MENTION_CAP, plan.items().size());
    }

    private static List<StanceModel.Input> votes(int from, int to) {
        List<StanceModel.Input> inputs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            inputs.add(input("NATO vote " + i + " passed.", "NATO"));
        }
        return inputs;
    }

    private static List<StanceModel.Plan> plans(List<StanceModel.Input> inputs) {
        return inputs.stream().map(in -> model.plan(in)).toList();
    }

    @Test
    void predict_groupOutAtTheStart_itsItemsLeftOut_theOtherScoredAsAlone() {
        List<StanceModel.Input> kept = votes(0, 2 * StanceModel.BATCH);
        List<StanceModel.Plan> plans = new ArrayList<>(plans(kept));
        plans.addAll(plans(votes(2 * StanceModel.BATCH, 4 * StanceModel.BATCH)));
        int[] group = new int[plans.size()];
        java.util.Arrays.fill(group, kept.size(), group.length, 1);
        long hour = java.time.Duration.ofHours(1).toNanos();
        TimeAccounts accounts = new TimeAccounts(2, hour);
        accounts.charge(1, hour + 1);

        List<StanceModel.Output> out = model.predict(plans, group, accounts);

        List<StanceModel.Output> alone = model.predict(kept);
        for (int i = 0; i < plans.size(); i++) {
            if (i < kept.size()) {
                assertArrayEquals(alone.get(i).sentiment(), out.get(i).sentiment());
                assertTrue(java.util.Arrays.deepEquals(alone.get(i).stance(), out.get(i).stance()));
            } else {
                assertNull(out.get(i), "group 1 is out");
            }
        }
        assertFalse(accounts.isOut(0));
    }

    @Test
    void predict_budgetOfOneNanosecond_theGroupRunsOut_noOutputs() {
        TimeAccounts accounts = new TimeAccounts(1, 1);
        List<StanceModel.Plan> plans = plans(votes(0, 4 * StanceModel.BATCH));

        List<StanceModel.Output> out = model.predict(plans, new int[plans.size()], accounts);

        assertTrue(accounts.isOut(0));
        assertTrue(out.stream().allMatch(o -> o == null));
    }

    @Test
    void plan_checkThrows_stopsTheCall() {
        IllegalStateException stop = new IllegalStateException("out of time");
        assertSame(stop, assertThrows(IllegalStateException.class, () -> model.plan(input(words(50), "talks"), () -> {
            throw stop;
        })));
        assertEquals(model.plan(input(words(50), "talks")).items().size(), model.plan(input(words(50), "talks"), () -> {}).items().size());
    }
}
