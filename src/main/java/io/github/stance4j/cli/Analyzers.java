package io.github.stance4j.cli;

import io.github.stance4j.ModelLoadException;
import io.github.stance4j.StanceAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the analyzer a command asked for. */
final class Analyzers {
    private Analyzers() {}

    static StanceAnalyzer open(Path modelDir) {
        return open(modelDir, StanceAnalyzer.DEFAULT_MAX_DOCUMENT_CHARS);
    }

    /** The analyzer of {@code modelDir} (null: the embedded model) that accepts texts of up to {@code maxChars}. */
    static StanceAnalyzer open(Path modelDir, int maxChars) {
        try {
            StanceAnalyzer.Builder builder = StanceAnalyzer.builder().maxDocumentChars(maxChars);
            if (modelDir != null) {
                if (!Files.isDirectory(modelDir)) {
                    throw new CliException("model directory not found: " + modelDir, 2);
                }
                builder.modelDirectory(modelDir);
            }
            return builder.build();
        } catch (ModelLoadException e) {
            throw new CliException(e.getMessage(), 3);
        }
    }
}
