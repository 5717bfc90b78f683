package dev.kelas.lab.review.ai;

/**
 * A provider's finished answer.
 *
 * @param text         the feedback text, as streamed
 * @param model        the model that answered (as the provider names it)
 * @param inputTokens  prompt tokens the provider counted, or 0 when it reports none
 * @param outputTokens completion tokens the provider counted, or 0 when it reports none
 */
public record Completion(String text, String model, int inputTokens, int outputTokens) {
}
