package dev.kelas.lab.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a stream on its own thread, keeping at most {@code limit} bytes. */
final class CappedReader extends Thread {
    private final InputStream in;
    private final int limit;
    private final Process killOnOverflow;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile boolean exceeded;

    CappedReader(InputStream in, int limit, Process killOnOverflow) {
        super("sandbox-reader");
        setDaemon(true);
        this.in = in;
        this.limit = limit;
        this.killOnOverflow = killOnOverflow;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                int room = limit - kept.size();
                kept.write(buffer, 0, Math.min(room, read));
                if (read > room && !exceeded) {
                    exceeded = true;
                    if (killOnOverflow != null) {
                        killOnOverflow.destroyForcibly();
                        return;
                    }
                }
            }
        } catch (IOException closed) {
            // the process was killed
        }
    }

    boolean exceeded() {
        return exceeded;
    }

    String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
