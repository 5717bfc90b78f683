package dev.kelas.runtime.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where uploaded files live, by key ({@code <tenant>/<file id>}; no user input ever becomes part of a
 * key). Calls block: callers run them on a worker thread. Integrity is the caller's: it keeps each
 * file's SHA-256 and checks it on read. Made by {@link FileStorages} from a service's {@code <prefix>.kind}.
 */
public interface FileStorage {
    /**
     * Stores the file at {@code source} under {@code key}, replacing nothing: keys are unique.
     *
     * @param contentType what the file is, kept where the store has metadata
     */
    void put(String key, Path source, String contentType) throws IOException;

    /**
     * The bytes stored under {@code key}.
     *
     * @throws java.io.FileNotFoundException if nothing is stored there
     */
    byte[] get(String key) throws IOException;

    /** Removes what is stored under {@code key}; nothing happens if there is nothing. */
    void delete(String key) throws IOException;
}
