package io.github.stance4j.cli;

/**
 * One input record: a document to score, or the reason it cannot be scored (then {@code text} is
 * null and {@code error} says what is wrong).
 */
record Doc(String id, String text, String error) {
    static Doc of(String id, String text) {
        return new Doc(id, text, null);
    }

    static Doc failed(String id, String error) {
        return new Doc(id, null, error);
    }
}
