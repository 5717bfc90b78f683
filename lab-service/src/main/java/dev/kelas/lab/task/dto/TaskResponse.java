package dev.kelas.lab.task.dto;

import dev.kelas.lab.task.CodingTask;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A coding task as the API shows it (tests are not listed here). */
public record TaskResponse(UUID id, UUID classId, UUID assignmentId, String title, String language, String statement,
                           int cpuSeconds, BigDecimal wallSeconds, int memoryMib, int outputKib, int maxProcesses,
                           int testCount, BigDecimal maxScore, Instant createdAt, boolean validateHtml) {
    /** The answer for a task with its tests: how many there are and the points they add up to. */
    public static TaskResponse of(dev.kelas.lab.task.TaskService.TaskWithTests task) {
        return of(task.task(), task.tests().size(),
                task.tests().stream().map(t -> t.points).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public static TaskResponse of(CodingTask t, int testCount, BigDecimal maxScore) {
        return new TaskResponse(t.id, t.classId, t.assignmentId, t.title, t.language, t.statement, t.cpuSeconds,
                t.wallSeconds, t.memoryMib, t.outputKib, t.maxProcesses, testCount, maxScore, t.createdAt, t.validateHtml);
    }
}
