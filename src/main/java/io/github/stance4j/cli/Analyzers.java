package io.github.stance4j.cli;

import io.github.stance4j.ModelLoadException;
import io.github.stance4j.StanceAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the analyzer a command asked for. */
final class Analyzers {
    private Analyzers() {}

    static StanceAnalyzer open(Path modelDir) {
        try {
            if (modelDir == null) {
                return StanceAnalyzer.create();
            }
            if (!Files.isDirectory(modelDir)) {
                throw new CliException("model directory not found: " + modelDir, 2);
            }
            return StanceAnalyzer.builder().modelDirectory(modelDir).build();
        } catch (ModelLoadException e) {
            throw new CliException(e.getMessage(), 3);
        }
    }
}
