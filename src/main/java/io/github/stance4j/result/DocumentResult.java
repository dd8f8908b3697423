package io.github.stance4j.result;

import java.util.List;
import java.util.Map;

/**
 * What the analyzer found in one document. Immutable.
 *
 * <pre>{@code
 * DocumentResult r = analyzer.analyze(text);
 * r.blocs().get("NATO").stance().label(); // CAUTIONARY
 * }</pre>
 *
 * @param sentences the sentences in order; unmodifiable
 * @param blocs per bloc named or referred to in the document, its summary, in order of first mention; unmodifiable
 */
public record DocumentResult(List<SentenceResult> sentences, Map<String, BlocSummary> blocs) {
    /** Copies the parts. */
    public DocumentResult {
        sentences = List.copyOf(sentences);
        blocs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(blocs));
    }
}
