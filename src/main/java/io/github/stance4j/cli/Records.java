package io.github.stance4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.stance4j.result.BlocSummary;
import io.github.stance4j.result.DocumentResult;
import io.github.stance4j.result.Prediction;
import io.github.stance4j.result.SentenceResult;
import io.github.stance4j.result.TargetMention;
import java.util.Map;

/**
 * The output record of one input record, as a JSON tree that every output format is written from:
 * {@code {"id","sentences":[...],"blocs":{...}}}, or {@code {"id","error"}}.
 */
final class Records {
    private Records() {}

    /** The record of a document that could not be scored. */
    static ObjectNode error(String id, String message) {
        ObjectNode n = ScoreCommand.JSON.createObjectNode();
        n.put("id", id);
        n.put("error", message);
        return n;
    }

    /** The record of a scored document. */
    static ObjectNode of(String id, DocumentResult r) {
        ObjectNode doc = ScoreCommand.JSON.createObjectNode();
        doc.put("id", id);
        ArrayNode sentences = doc.putArray("sentences");
        for (SentenceResult s : r.sentences()) {
            ObjectNode sn = sentences.addObject();
            sn.put("index", s.index());
            sn.put("start", s.start());
            sn.put("end", s.end());
            sn.put("text", s.text());
            sn.set("sentiment", prediction(s.sentiment()));
            ArrayNode targets = sn.putArray("targets");
            for (TargetMention t : s.targets()) {
                ObjectNode tn = targets.addObject();
                tn.put("target", t.target());
                tn.put("mention", t.mention());
                tn.put("start", t.start());
                tn.put("end", t.end());
                tn.put("implicit", t.implicit());
                tn.set("stance", prediction(t.stance()));
            }
        }
        ObjectNode blocs = doc.putObject("blocs");
        for (Map.Entry<String, BlocSummary> e : r.blocs().entrySet()) {
            ObjectNode b = prediction(e.getValue().stance());
            b.put("mentions", e.getValue().mentions());
            b.put("explicit_mentions", e.getValue().explicitMentions());
            blocs.set(e.getKey(), b);
        }
        return doc;
    }

    private static ObjectNode prediction(Prediction<?> p) {
        ObjectNode n = ScoreCommand.JSON.createObjectNode();
        n.put("label", p.label().name());
        ObjectNode scores = n.putObject("scores");
        for (Map.Entry<?, Double> e : p.scores().entrySet()) {
            scores.put(((Enum<?>) e.getKey()).name(), Math.round(e.getValue() * 10000) / 10000.0);
        }
        return n;
    }
}
