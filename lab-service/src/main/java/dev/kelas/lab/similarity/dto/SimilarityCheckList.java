package dev.kelas.lab.similarity.dto;

import java.util.List;

/** A task's similarity checks, newest first, without their pairs. */
public record SimilarityCheckList(List<SimilarityCheckResponse> items) {
}
