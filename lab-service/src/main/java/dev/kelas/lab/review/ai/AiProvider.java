package dev.kelas.lab.review.ai;

import java.util.function.Consumer;

/** One AI provider of the chain: sends a prompt and streams the answer back. */
public interface AiProvider {
    /** The configured name, e.g. {@code openai} or {@code local-ollama}. */
    String name();

    /** The model asked for. */
    String model();

    /**
     * Streams the provider's answer to {@code prompt}, telling {@code onDelta} of each piece of text as it arrives, in
     * order, on the calling thread. Blocking.
     *
     * @return the whole answer with its token counts
     * @throws ProviderException    on an error status, an error in the stream, or a stream without text
     * @throws InterruptedException if the call is interrupted (the chain's timeout)
     */
    Completion stream(Prompt prompt, Consumer<String> onDelta) throws ProviderException, InterruptedException;
}
