package io.github.stance4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stance4j.result.DocumentResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One analyzer shared by many threads; close() racing calls; no native memory growth over many calls. */
class StanceAnalyzerConcurrencyTest {
    private static StanceAnalyzer analyzer;

    @BeforeAll
    static void open() {
        analyzer = StanceAnalyzer.create();
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    @Test
    void eightThreads_sharingOneAnalyzer_giveBitIdenticalResultsToSequentialCalls() throws Exception {
        List<String> docs = TestCorpus.documents(300, 3);
        List<DocumentResult> sequential = new ArrayList<>();
        for (String d : docs) {
            sequential.add(analyzer.analyze(d));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<DocumentResult>> futures = new ArrayList<>(Collections.nCopies(docs.size(), null));
            for (int i : order) {
                futures.set(i, pool.submit(() -> analyzer.analyze(docs.get(i))));
            }
            for (int i = 0; i < docs.size(); i++) {
                assertEquals(sequential.get(i), futures.get(i).get(), "document " + i);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void close_whileCallsAreInFlight_failsThemWithIllegalStateException_andFreesNativeMemory() throws Exception {
        String doc = String.join(" ", TestCorpus.documents(60, 2).subList(35, 60)); // about 50 sentences: several batches per call
        StanceAnalyzer shared = StanceAnalyzer.create();
        int threads = 4;
        CountDownLatch started = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Throwable>> ends = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ends.add(pool.submit(() -> {
                started.countDown();
                try {
                    while (true) {
                        shared.analyze(doc);
                    }
                } catch (Throwable e) {
                    return e;
                }
            }));
        }
        started.await();
        Thread.sleep(500); // let the calls get under way: the test asserts what happens, never how fast
        shared.close();
        assertEquals(0, shared.openNativeArrays(), "close() returns once the running batches are done, with the weights freed");
        int inFlight = 0;
        for (Future<Throwable> end : ends) {
            Throwable e = end.get(2, TimeUnit.MINUTES);
            assertInstanceOf(IllegalStateException.class, e, String.valueOf(e));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            inFlight += e.getMessage().equals("the analyzer was closed while this call was running") ? 1 : 0;
        }
        assertTrue(inFlight > 0, "at least one call was stopped mid-way");
        pool.shutdown();
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> shared.analyze("NATO met."));
        assertEquals("analyzer is closed", after.getMessage());
        shared.close(); // twice is fine
    }

    @Test
    void tenThousandCalls_noGrowthInNativeArrays_orResidentMemory() throws Exception {
        int calls = Integer.getInteger("stance4j.leakTest.calls", 10_000);
        String text = "NATO warned Moscow.";
        for (int i = 0; i < 300; i++) {
            analyzer.analyze(text);
        }
        int arrays = analyzer.openNativeArrays();
        Memory before = Memory.now();
        for (int i = 0; i < calls; i++) {
            analyzer.analyze(text);
        }
        assertEquals(arrays, analyzer.openNativeArrays(), "native arrays held by the model after " + calls + " calls");
        Memory after = Memory.now();
        long heap = after.heapKiB() - before.heapKiB();
        long grown = after.outsideHeapKiB() - before.outsideHeapKiB();
        System.out.printf("resident memory over %,d calls: %+,d KiB outside the Java heap (the heap's committed size: %+,d KiB;"
                + " native arrays held: %d)%n", calls, grown, heap, arrays);
        assertTrue(grown < 256 * 1024, "resident memory outside the Java heap grew by " + grown + " KiB over " + calls + " calls");
    }

    /**
     * VmRSS of this process and the Java heap's committed size, in KiB, after a GC; zeros where
     * /proc is absent. VmRSS also holds the heap, whose size follows the garbage of the tests that
     * ran in this JVM before (over 10,000 calls VmRSS has moved by -600 to +790 MB here), so the
     * check reads what lies outside it: native memory, where a leak of PyTorch tensors would show.
     */
    private record Memory(long residentKiB, long heapKiB) {
        long outsideHeapKiB() {
            return residentKiB - heapKiB;
        }

        static Memory now() throws Exception {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) {
                return new Memory(0, 0);
            }
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return new Memory(Long.parseLong(line.replaceAll("[^0-9]", "")), heap);
                }
            }
            return new Memory(0, 0);
        }
    }
}
