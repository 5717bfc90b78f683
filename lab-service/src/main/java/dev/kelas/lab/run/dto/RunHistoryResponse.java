package dev.kelas.lab.run.dto;

import java.util.List;

/** The caller's runs of a task, newest first; only the newest {@code kelas.lab.run.history-size} are kept. */
public record RunHistoryResponse(List<RunResponse> items) {
}
