package dev.kelas.learning.announcement;

import dev.kelas.runtime.messaging.Reactive;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Publishes scheduled announcements when their {@code publishAt} comes, every
 * {@code kelas.learning.announcements.publish-interval} (5 s). The state lives in the database, so a
 * restart loses nothing; rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so with several replicas
 * each announcement still goes out once.
 */
@ApplicationScoped
public class AnnouncementJobs {
    private static final Logger LOG = Logger.getLogger(AnnouncementJobs.class);

    private final AnnouncementService announcements;

    public AnnouncementJobs(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    @Scheduled(identity = "learning-announcements-publish", every = "${kelas.learning.announcements.publish-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDueAnnouncements() {
        int published;
        do {
            published = Reactive.await(announcements::publishDue);
            if (published > 0) {
                LOG.infof("Published %d scheduled announcement(s)", published);
            }
        } while (published == AnnouncementService.PUBLISH_BATCH);
    }
}
