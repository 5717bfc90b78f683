package dev.kelas.lab.similarity.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

/**
 * What a teacher asks a similarity check for; every field is optional.
 *
 * @param threshold pairs whose similarity (JPlag's average, 0..1) is at least this are reported; absent:
 *                  {@code kelas.lab.similarity.default-threshold}
 * @param language  key of {@code kelas.lab.languages} whose submissions are compared; absent: the task's
 */
public record SimilarityCheckRequest(@DecimalMin("0") @DecimalMax("1") Double threshold, @Size(min = 1, max = 40) String language) {
}
