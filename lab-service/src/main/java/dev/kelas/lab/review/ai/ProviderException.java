package dev.kelas.lab.review.ai;

/**
 * An AI provider did not answer usefully: an HTTP error status (429, 5xx, ...), an error event in its stream, a
 * stream that ended without text, or a transport failure. The chain goes on to the next provider.
 */
public class ProviderException extends Exception {
    private final int status;

    /**
     * @param status the HTTP status, or 0 when the failure was not an HTTP status
     * @param message what went wrong, without the request (which holds the student's code) or any key
     */
    public ProviderException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The HTTP status, or 0. */
    public int status() {
        return status;
    }
}
