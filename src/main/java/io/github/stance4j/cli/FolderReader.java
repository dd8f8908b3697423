package io.github.stance4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the .txt files of a folder in name order, one document each (its id is the file name).
 * A file that cannot be read, is not UTF-8 or is over the size limit yields an error record. Not
 * thread-safe.
 */
final class FolderReader implements DocumentReader {
    private final List<Path> files;
    private final Inputs.Options options;
    private int next;

    private FolderReader(List<Path> files, Inputs.Options options) {
        this.files = files;
        this.options = options;
    }

    static FolderReader open(Path folder, Inputs.Options options) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new CliException("folder " + folder + " holds no .txt files", 2);
        }
        return new FolderReader(files, options);
    }

    @Override
    public Doc next() {
        if (next >= files.size()) {
            return null;
        }
        Path f = files.get(next++);
        String id = f.getFileName().toString();
        try (InputStream in = Files.newInputStream(f)) {
            return Inputs.text(id, in, options);
        } catch (IOException e) {
            return Doc.failed(id, "cannot read " + f + ": " + e.getMessage());
        }
    }

    @Override
    public long total() {
        return files.size();
    }

    @Override
    public void skip(long n) {
        next = (int) Math.min(files.size(), next + n);
    }

    @Override
    public void close() {}
}
