package io.github.stance4j.tokenize;

import ai.djl.huggingface.tokenizers.jni.CharSpan;

import java.util.Arrays;

/** Test helper: compares one of our encodings with a DJL/HF encoding of the same input. */
final class Parity {

    private Parity() {}

    /** Maps code-point indices (what DJL reports) to UTF-16 indices of {@code s}. */
    static int[] cpToUtf16(String s) {
        int cps = s.codePointCount(0, s.length());
        int[] map = new int[cps + 1];
        int i = 0;
        int k = 0;
        while (i < s.length()) {
            map[k++] = i;
            i += Character.charCount(s.codePointAt(i));
        }
        map[k] = s.length();
        return map;
    }

    static int[] toInts(long[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = (int) a[i];
        }
        return r;
    }

    /** Returns null if ids and type ids match, otherwise a description. */
    static String idsMismatch(HfReference.Ref hf, Encoding ours) {
        int[] hfIds = toInts(hf.ids());
        int[] hfTypes = toInts(hf.typeIds());
        if (!Arrays.equals(hfIds, ours.ids())) {
            return "ids differ:\n  hf   " + Arrays.toString(hfIds) + " " + Arrays.toString(hf.tokens())
                    + "\n  ours " + Arrays.toString(ours.ids());
        }
        if (!Arrays.equals(hfTypes, ours.typeIds())) {
            return "type ids differ:\n  hf   " + Arrays.toString(hfTypes)
                    + "\n  ours " + Arrays.toString(ours.typeIds());
        }
        return null;
    }

    /**
     * Returns null if every token's span matches (HF's null span of a template special token must
     * be our (0,0)); {@code b} may be null for a single sequence. Assumes ids already match.
     */
    static String offsetsMismatch(HfReference.Ref hf, Encoding ours, String a,
            String b) {
        CharSpan[] spans = hf.spans();
        int[] mapA = cpToUtf16(a);
        int[] mapB = b == null ? null : cpToUtf16(b);
        for (int t = 0; t < spans.length; t++) {
            CharSpan sp = spans[t];
            int s;
            int e;
            if (sp == null) {
                s = 0;
                e = 0;
            } else {
                int[] map = ours.typeIds()[t] == 0 ? mapA : mapB;
                s = map[sp.getStart()];
                e = map[sp.getEnd()];
            }
            if (s != ours.starts()[t] || e != ours.ends()[t]) {
                return "offset of token " + t + " (id " + hf.ids()[t] + ") differs: hf [" + s + "," + e
                        + ") ours [" + ours.starts()[t] + "," + ours.ends()[t] + ")";
            }
        }
        return null;
    }
}
