package io.github.stance4j.cli;

import java.io.Closeable;
import java.io.IOException;

/**
 * Documents read one at a time, so memory stays flat however large the input. Every input record
 * yields exactly one {@link Doc}, in input order; a record that cannot be read yields a Doc with
 * an error. Not thread-safe.
 */
interface DocumentReader extends Closeable {
    /** The next document, or null after the last. */
    Doc next() throws IOException;

    /** How many documents the input holds, or -1 if that is not known without reading it all. */
    default long total() throws IOException {
        return -1;
    }

    /** Whether the input is one document (a text file, or stdin read as text). */
    default boolean oneDocument() {
        return false;
    }

    /** Skips {@code n} documents: those a resumed run has already written. */
    default void skip(long n) throws IOException {
        for (long i = 0; i < n && next() != null; i++) {
            // read and drop
        }
    }

    /** A reader of one document. */
    static DocumentReader single(Doc doc) {
        return new DocumentReader() {
            private boolean done;

            @Override
            public Doc next() {
                Doc d = done ? null : doc;
                done = true;
                return d;
            }

            @Override
            public long total() {
                return 1;
            }

            @Override
            public boolean oneDocument() {
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
