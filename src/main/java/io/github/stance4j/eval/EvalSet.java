package io.github.stance4j.eval;

import java.nio.file.Path;
import java.util.List;

/**
 * One evaluation set of training-data/: stance items, sentiment items and labelled documents
 * (the last two may be null). Internal.
 */
public record EvalSet(String name, Path stance, Path sentiment, Path documents) {
    /** The sets {@code evaluate --suite} scores, in the order the README's results table shows them. */
    public static final List<EvalSet> SUITE = List.of(
            new EvalSet("real test (frozen)", Path.of("training-data/real/test/stance.jsonl"), Path.of("training-data/real/test/sentiment.jsonl"),
                    Path.of("training-data/real/documents/test.jsonl")),
            new EvalSet("real dev", Path.of("training-data/real/dev/stance.jsonl"), Path.of("training-data/real/dev/sentiment.jsonl"),
                    Path.of("training-data/real/documents/dev.jsonl")),
            new EvalSet("written dev", Path.of("training-data/dev/stance.jsonl"), Path.of("training-data/dev/sentiment.jsonl"),
                    Path.of("training-data/documents/articles.jsonl")),
            new EvalSet("NewsMTSC dev-multitarget", Path.of("training-data/newsmtsc-dev/stance-multitarget.jsonl"), null, null));
}
