package io.github.stance4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.Sentiment;
import io.github.stance4j.result.Stance;
import io.github.stance4j.result.SummaryRule;
import io.github.stance4j.result.TargetMention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Fitting the summary rule on labelled documents, and the held-out figure that says whether to adopt the fit. */
class SummaryFitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Fits the rule on 20 alike documents, each of two explicit NATO mentions leaning NEUTRAL (0.6)
     * over SUPPORTIVE (0.4), the i-th labelled {@code gold.apply(i)}.
     */
    private static DocumentEvaluation.Fit fitAlike(IntFunction<String> gold) {
        TargetMention m = new TargetMention("NATO", "NATO", 0, 4, false, Prediction.of(Stance.class, new float[] {0.0f, 0.4f, 0.6f}));
        SentenceResult sentence = new SentenceResult(0, 0, 10, "x", Prediction.of(Sentiment.class, new float[] {0.2f, 0.6f, 0.2f}), List.of(m));
        List<String> ids = new ArrayList<>();
        List<JsonNode> labels = new ArrayList<>();
        List<DocumentResult> docs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add("d" + i);
            labels.add(JSON.createObjectNode().put("NATO", gold.apply(i)));
            docs.add(new DocumentResult(List.of(sentence, sentence), Map.of()));
        }
        return DocumentEvaluation.fit(new DocumentEvaluation.Scored(ids, labels, docs));
    }

    @Test
    void fitFindsARuleTheDefaultMissesAndItHoldsOut() {
        // the documents are SUPPORTIVE: the default's neutral bias (0.8) keeps NEUTRAL (0.48 > 0.4),
        // a lower one (0.6) gives SUPPORTIVE
        DocumentEvaluation.Fit fit = fitAlike(i -> "SUPPORTIVE");
        assertEquals(0.0, fit.defaultAccuracy());
        assertEquals(20, fit.result().blocsRight());
        assertNotEquals(SummaryRule.DEFAULT, fit.rule());
        assertEquals(1.0, fit.crossValidated(), 1e-9);
        assertEquals(20, fit.result().documents());
        List<SummaryRule> grid = DocumentEvaluation.grid();
        assertEquals(SummaryRule.DEFAULT, grid.get(0));
        assertEquals(grid.size(), new HashSet<>(grid).size(), "each rule once");
        assertEquals(grid.size(), fit.rulesTried());
    }

    @Test
    void crossValidationScoresOnlyHeldOutDocuments() {
        // identical documents, labelled SUPPORTIVE and NEUTRAL 11 to 9: no rule tells them apart, so
        // the in-sample best calls them all SUPPORTIVE (11 of 20); fitted on the other folds, a fold
        // is scored by a rule that cannot have seen its labels, and does worse
        DocumentEvaluation.Fit fit = fitAlike(i -> i < 11 ? "SUPPORTIVE" : "NEUTRAL");
        assertEquals(11, fit.result().blocsRight());
        assertTrue(fit.crossValidated() < 11 / 20.0, "held out: " + fit.crossValidated());
    }

    @Test
    void everyDocumentIsHeldOutOncePerShuffle() {
        // one SUPPORTIVE document among NEUTRAL ones that look alike: it is right only when a rule
        // fitted without it calls it SUPPORTIVE, which no fit on NEUTRAL documents does; so it
        // costs exactly one held-out summary per shuffle, whichever fold it falls in
        DocumentEvaluation.Fit fit = fitAlike(i -> i == 7 ? "SUPPORTIVE" : "NEUTRAL");
        assertEquals(19 / 20.0, fit.crossValidated(), 1e-9);
    }
}
