package io.github.stance4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's Java example is this folder's ReadmeExample, word for word, and it runs. */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/io/github/stance4j/examples/ReadmeExample.java");

    static String snippet() throws Exception {
        String source = Files.readString(SOURCE);
        int from = source.indexOf("// README:begin\n") + "// README:begin\n".length();
        return source.substring(from, source.indexOf("// README:end"));
    }

    @Test
    void readmeShowsTheCompiledExample() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("```java\n" + snippet() + "```\n"), "README.md must show " + SOURCE + " between its README markers");
    }

    @Test
    void exampleRuns() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            ReadmeExample.main(new String[0]);
        } finally {
            System.setOut(old);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("  NATO "), printed);
        assertEquals(2, printed.lines().filter(l -> l.startsWith("  NATO ")).count(), printed);
    }
}
