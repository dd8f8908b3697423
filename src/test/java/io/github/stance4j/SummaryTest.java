package io.github.stance4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stance4j.result.BlocSummary;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import io.github.stance4j.result.TargetMention;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the per-document summary weighs mentions: explicit over implicit, confident over unsure. */
class SummaryTest {
    private static TargetMention mention(boolean implicit, float c, float s, float n) {
        return new TargetMention("NATO", implicit ? "the alliance" : "NATO", 0, 4, implicit, Prediction.of(Stance.class, new float[] {c, s, n}));
    }

    private static Map<String, BlocSummary> summarize(TargetMention... mentions) {
        SentenceResult s = new SentenceResult(0, 0, 10, "x", Prediction.of(Sentiment.class, new float[] {0.2f, 0.6f, 0.2f}), List.of(mentions));
        return StanceAnalyzer.summarize(List.of(s));
    }

    @Test
    void explicitOutweighsImplicit() {
        BlocSummary b = summarize(mention(false, 0.7f, 0.2f, 0.1f), mention(true, 0.2f, 0.7f, 0.1f)).get("NATO");
        assertEquals(Stance.CAUTIONARY, b.stance().label());
        assertEquals(2, b.mentions());
        assertEquals(1, b.explicitMentions());
    }

    @Test
    void confidentOutweighsUnsure() {
        // unweighted, the four unsure SUPPORTIVE-leaning mentions would win (mean S 0.37 > C 0.34)
        TargetMention unsure = mention(false, 0.20f, 0.45f, 0.35f);
        BlocSummary b = summarize(mention(false, 0.90f, 0.05f, 0.05f), unsure, unsure, unsure, unsure).get("NATO");
        assertEquals(Stance.CAUTIONARY, b.stance().label());
    }

    @Test
    void probabilitiesSumToOne() {
        BlocSummary b = summarize(mention(false, 0.5f, 0.3f, 0.2f), mention(true, 0.1f, 0.1f, 0.8f)).get("NATO");
        assertEquals(1.0, b.stance().scores().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
    }
}
