package io.github.stance4j;

/** A model bundle could not be read: the message says which file and why. */
public class ModelLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public ModelLoadException(String message) {
        super(message);
    }

    /** With a message and the cause. */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
