package io.github.stance4j.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.stance4j.StanceAnalyzer;
import io.github.stance4j.result.BlocSummary;
import io.github.stance4j.result.DocumentResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the per-document summary on labelled articles: JSON Lines of
 * {@code {"id","text","blocs":{"NATO":"CAUTIONARY",...}}}, each label the document's dominant
 * stance toward that bloc.
 */
public final class DocumentEvaluation {
    private DocumentEvaluation() {}

    /** One wrong (document, bloc) summary. */
    public record Miss(String id, String bloc, String gold, String predicted) {}

    /** Figures: (document, bloc) accuracy, documents with every bloc right, and the misses. */
    public record Result(int blocs, int blocsRight, int documents, int documentsRight, List<Miss> misses) {
        /** As a JSON-ready map. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("blocs", blocs);
            m.put("bloc_accuracy", Metrics.round(blocs == 0 ? 0 : (double) blocsRight / blocs));
            m.put("documents", documents);
            m.put("documents_all_right", documentsRight);
            m.put("misses", misses);
            return m;
        }
    }

    /** Analyzes every article and compares its bloc summaries with the labels. */
    public static Result evaluate(StanceAnalyzer analyzer, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<JsonNode> labels = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (IOException e) {
                throw new IOException(file + ":" + n + ": not a JSON object");
            }
            if (!node.hasNonNull("text") || !node.has("blocs")) {
                throw new IOException(file + ":" + n + ": needs \"text\" and \"blocs\"");
            }
            ids.add(node.path("id").asText("line-" + n));
            texts.add(node.get("text").asText());
            labels.add(node.get("blocs"));
        }
        List<DocumentResult> results = analyzer.analyzeAll(texts);
        int blocs = 0;
        int blocsRight = 0;
        int docsRight = 0;
        List<Miss> misses = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            boolean all = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = labels.get(i).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                BlocSummary s = results.get(i).blocs().get(e.getKey());
                String predicted = s == null ? "(not found)" : s.stance().label().name();
                blocs++;
                if (predicted.equals(e.getValue().asText())) {
                    blocsRight++;
                } else {
                    all = false;
                    misses.add(new Miss(ids.get(i), e.getKey(), e.getValue().asText(), predicted));
                }
            }
            docsRight += all ? 1 : 0;
        }
        return new Result(blocs, blocsRight, results.size(), docsRight, misses);
    }
}
