package dev.kelas.learning.grading;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Puts graders' results ({@code kelas.lab.submission.graded}) into the class gradebook. */
@ApplicationScoped
public class LabGradeEventListener implements EventConsumer<SubmissionGraded> {
    static final String CONSUMER = "learning-lab-grades";

    private final LabGradeService labGrades;

    public LabGradeEventListener(LabGradeService labGrades) {
        this.labGrades = labGrades;
    }

    @Override
    public ConsumerSpec spec() {
        return ConsumerSpec.of(CONSUMER, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED);
    }

    @Override
    public Class<SubmissionGraded> payloadType() {
        return SubmissionGraded.class;
    }

    @Override
    public Uni<Void> apply(EventContext context, SubmissionGraded graded) {
        return labGrades.recordLabGrade(context.tenantId(), graded);
    }
}
