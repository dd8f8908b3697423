package io.github.stance4j.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where a scoring job's output goes: stdout, or a file with a {@link Checkpoint} beside it. Not thread-safe. */
interface Sink extends Closeable {
    /** Appends bytes. */
    void write(byte[] bytes) throws IOException;

    /** Makes what was written so far durable; {@code counts} are the totals it holds. */
    void commit(Counts counts, boolean finished) throws IOException;

    /** A sink that writes to {@code out} and flushes at each commit. */
    static Sink of(PrintStream out) {
        return new Sink() {
            @Override
            public void write(byte[] bytes) {
                out.write(bytes, 0, bytes.length);
            }

            @Override
            public void commit(Counts counts, boolean finished) throws IOException {
                out.flush();
                if (out.checkError()) {
                    throw new IOException("cannot write to stdout (closed pipe?)");
                }
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    /**
     * A sink that appends to {@code output} after cutting it to the checkpoint's length (nothing
     * for a fresh run), and at each commit forces the output to disk and then writes the checkpoint.
     */
    static Sink toFile(Path output, Checkpoint start) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel ch = FileChannel.open(output, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ch.truncate(start.bytes());
        ch.position(start.bytes());
        Path checkpoint = Checkpoint.pathFor(output);
        if (start.counts().records() == 0) {
            start.write(checkpoint); // a run killed before its first batch resumes from nothing
        }
        return new Sink() {
            @Override
            public void write(byte[] bytes) throws IOException {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }

            @Override
            public void commit(Counts counts, boolean finished) throws IOException {
                ch.force(false);
                new Checkpoint(start.settings(), counts, ch.position(), finished).write(checkpoint);
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }
}
