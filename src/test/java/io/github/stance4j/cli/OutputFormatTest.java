package io.github.stance4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output formats, written from hand-made records: rows and CSV columns, JSON framing, format names. */
class OutputFormatTest {
    private static ObjectNode record() throws Exception {
        return (ObjectNode) ScoreCommand.JSON.readTree("""
                {"id":"d1","sentences":[
                  {"index":0,"start":0,"end":31,"text":"NATO, said ASEAN, was \\"wrong\\".",
                   "sentiment":{"label":"NEGATIVE","scores":{"NEGATIVE":0.9,"NEUTRAL":0.08,"POSITIVE":0.02}},
                   "targets":[
                     {"target":"NATO","mention":"NATO","start":0,"end":4,"implicit":false,
                      "stance":{"label":"CAUTIONARY","scores":{"CAUTIONARY":0.8,"SUPPORTIVE":0.1,"NEUTRAL":0.1}}},
                     {"target":"ASEAN","mention":"ASEAN","start":11,"end":16,"implicit":false,
                      "stance":{"label":"NEUTRAL","scores":{"CAUTIONARY":0.1,"SUPPORTIVE":0.1,"NEUTRAL":0.8}}}]},
                  {"index":1,"start":32,"end":41,"text":"It rained.",
                   "sentiment":{"label":"NEUTRAL","scores":{"NEGATIVE":0.1,"NEUTRAL":0.8,"POSITIVE":0.1}},"targets":[]}],
                 "blocs":{}}""");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void rows_onePerSentenceAndTarget_everyColumnAlways() throws Exception {
        List<ObjectNode> rows = OutputFormat.rows(record());
        assertEquals(3, rows.size());
        for (ObjectNode r : rows) {
            assertEquals(OutputFormat.COLUMNS, fieldNames(r));
        }
        assertEquals("d1", rows.get(0).get("id").asText());
        assertEquals("NATO", rows.get(0).get("target").asText());
        assertEquals(0.8, rows.get(0).get("stance_cautionary").asDouble());
        assertEquals(0.9, rows.get(0).get("sentiment_negative").asDouble());
        assertEquals("ASEAN", rows.get(1).get("target").asText());
        assertEquals(1, rows.get(2).get("sentence").asInt());
        assertTrue(rows.get(2).get("target").isNull(), "a sentence without targets keeps its row");
        assertTrue(rows.get(2).get("error").isNull());
    }

    @Test
    void rows_errorRecord_oneRowWithItsError() {
        List<ObjectNode> rows = OutputFormat.rows(Records.error("x", "line 3: no \"text\" field"));
        assertEquals(1, rows.size());
        assertEquals("line 3: no \"text\" field", rows.get(0).get("error").asText());
        assertTrue(rows.get(0).get("sentence").isNull());
    }

    @Test
    void csv_headerAndQuoting() throws Exception {
        String csv = OutputFormat.CSV.header(false) + OutputFormat.CSV.render(List.of(record(), Records.error("x", "bad, \"really\"")), true, false);
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", OutputFormat.COLUMNS), lines.get(0));
        assertEquals("d1,0,0,31,\"NATO, said ASEAN, was \"\"wrong\"\".\",NEGATIVE,0.9,0.08,0.02,NATO,NATO,0,4,false,CAUTIONARY,0.8,0.1,0.1,",
                lines.get(1));
        assertEquals("d1,1,32,41,It rained.,NEUTRAL,0.1,0.8,0.1,,,,,,,,,,", lines.get(3));
        assertEquals("x,,,,,,,,,,,,,,,,,,\"bad, \"\"really\"\"\"", lines.get(4));
        assertEquals(5, lines.size());
    }

    @Test
    void json_isOneArrayWrittenInBatches() throws Exception {
        OutputFormat f = OutputFormat.JSON;
        String out = f.header(false) + f.render(List.of(record()), true, false) + f.render(List.of(Records.error("x", "e")), false, false)
                + f.footer(true, false);
        JsonNode all = ScoreCommand.JSON.readTree(out);
        assertEquals(2, all.size());
        assertEquals("x", all.get(1).get("id").asText());
        assertEquals(0, ScoreCommand.JSON.readTree(f.header(false) + f.footer(false, false)).size());
    }

    @Test
    void json_oneDocumentIsOneObject() throws Exception {
        OutputFormat f = OutputFormat.JSON;
        JsonNode one = ScoreCommand.JSON.readTree(f.header(true) + f.render(List.of(record()), true, true) + f.footer(true, true));
        assertEquals("d1", one.get("id").asText());
    }

    @Test
    void jsonl_oneLinePerRecord() throws Exception {
        assertEquals(2, OutputFormat.JSONL.render(List.of(record(), record()), true, false).lines().count());
    }

    @Test
    void table_errorRecord() {
        assertEquals("== x\n   error: bad\n\n", OutputFormat.table(Records.error("x", "bad")));
    }

    @Test
    void parse_unknownFormat() {
        CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, () -> OutputFormat.parse("xml"));
        assertEquals("--format must be json, jsonl, csv, rows or table, not 'xml'", e.getMessage());
        assertEquals(OutputFormat.ROWS, OutputFormat.parse("rows"));
    }
}
