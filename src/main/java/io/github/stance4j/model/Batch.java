package io.github.stance4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * One padded batch of tokenized sentences and the pooling matrices that pick out sentences and
 * mentions. Internal. Padding goes only to the longest sentence of the batch.
 */
public final class Batch {
    /**
     * A tokenized sentence (or sentence pair) and the token ranges [start, end) of its mentions.
     *
     * @param typeIds segment ids, or null for a single sentence
     */
    public record Item(int[] ids, int[] typeIds, List<int[]> mentionTokens) {
        /** A single sentence. */
        public Item(int[] ids, List<int[]> mentionTokens) {
            this(ids, null, mentionTokens);
        }
    }

    final int size;
    final int length;
    final int mentions;
    private final long[] ids;
    private final long[] typeIds;
    private final float[] mask;
    private final float[] sentencePool;
    private final float[] mentionPool;
    private final float[] mentionSentence;

    /** Builds the batch. */
    public Batch(List<Item> items) {
        size = items.size();
        int len = 1;
        int m = 0;
        for (Item it : items) {
            len = Math.max(len, it.ids().length);
            m += it.mentionTokens().size();
        }
        length = len;
        mentions = m;
        ids = new long[size * len];
        typeIds = new long[size * len];
        mask = new float[size * len];
        sentencePool = new float[size * size * len];
        mentionPool = new float[m * size * len];
        mentionSentence = new float[m * size];
        int row = 0;
        for (int i = 0; i < size; i++) {
            int[] t = items.get(i).ids();
            for (int j = 0; j < t.length; j++) {
                ids[i * len + j] = t[j];
                typeIds[i * len + j] = items.get(i).typeIds() == null ? 0 : items.get(i).typeIds()[j];
                mask[i * len + j] = 1f;
                sentencePool[i * size * len + i * len + j] = 1f / t.length;
            }
            for (int[] span : items.get(i).mentionTokens()) {
                int s = span[0];
                int e = span[1];
                if (e <= s) { // mention lost to truncation: fall back to the sentence
                    s = 0;
                    e = t.length;
                }
                for (int j = s; j < e; j++) {
                    mentionPool[row * size * len + i * len + j] = 1f / (e - s);
                }
                mentionSentence[row * size + i] = 1f;
                row++;
            }
        }
    }

    /** Number of sentences. */
    public int size() {
        return size;
    }

    /** Number of mentions. */
    public int mentions() {
        return mentions;
    }

    /** Padded length. */
    public int length() {
        return length;
    }

    /** The network inputs, created in {@code m}: ids, mask, sentencePool, mentionPool, mentionSentence, typeIds. */
    public NDArray[] arrays(NDManager m) {
        return new NDArray[] {
            m.create(ids, new Shape(size, length)),
            m.create(mask, new Shape(size, length)),
            m.create(sentencePool, new Shape(size, (long) size * length)),
            m.create(mentionPool, new Shape(mentions, (long) size * length)),
            m.create(mentionSentence, new Shape(mentions, size)),
            m.create(typeIds, new Shape(size, length))
        };
    }
}
