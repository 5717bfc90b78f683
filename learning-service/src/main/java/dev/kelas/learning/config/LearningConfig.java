package dev.kelas.learning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** learning-service's settings ({@code kelas.learning.*}); docs/configuration.md lists each key. */
@ConfigMapping(prefix = "kelas.learning")
public interface LearningConfig {
    /** Rules for uploaded files. */
    Uploads uploads();

    /** Where uploaded files are kept. */
    Storage storage();

    /** IANA time zone of a school that has not set its own (calendar, timetable and register dates are local to it). */
    @WithDefault("UTC")
    String defaultTimeZone();

    /** Announcement publishing. */
    Announcements announcements();

    /** Class discussion. */
    Discussion discussion();

    /** Dashboards and leaderboards. */
    Analytics analytics();

    /** Analytics settings. */
    interface Analytics {
        /** Whether students may see their class's leaderboards; false answers them 403 LEADERBOARD_HIDDEN. */
        @WithDefault("true")
        boolean studentLeaderboards();

        /**
         * Worker threads of each grade consumer of the read model ({@code learning-analytics-grades-recorded},
         * {@code -released}); their projections keep the latest by {@code occurredAt}, so order does not matter.
         */
        @WithDefault("4")
        int gradeConsumerConcurrency();
    }

    /** Discussion settings. */
    interface Discussion {
        /** How long after posting an author may edit a thread or reply. */
        @WithDefault("PT15M")
        java.time.Duration editWindow();

        /** Threads and replies one user may post per minute; more answer 429 RATE_LIMITED. */
        @WithDefault("10")
        int postsPerMinute();
    }

    /** Announcement settings. */
    interface Announcements {
        /** How often scheduled announcements whose time has come are published (the scheduler reads the key itself). */
        @WithDefault("5s")
        String publishInterval();
    }

    /** Upload limits. */
    interface Uploads {
        /** Largest accepted file, in bytes (10 MiB). */
        @WithDefault("10485760")
        long maxFileBytes();

        /** Content types a FILE submission may have; anything else answers 422. */
        @WithDefault("application/pdf,image/png,image/jpeg,text/plain,application/zip,"
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        List<String> allowedTypes();
    }

    /** File storage selection and its settings. */
    interface Storage {
        /** {@code filesystem} (default) or {@code s3}. */
        @WithDefault("filesystem")
        String kind();

        /** Directory of the filesystem storage. */
        @WithDefault("/var/lib/kelas/learning-files")
        String root();

        /** S3-compatible object storage. */
        S3 s3();
    }

    /** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW), addressed path-style. */
    interface S3 {
        /** E.g. {@code https://s3.eu-central-1.amazonaws.com} or {@code http://minio:9000}. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        Optional<String> bucket();

        /** Access key id (a secret: environment only). */
        Optional<String> accessKey();

        /** Secret access key (a secret: environment only). */
        Optional<String> secretKey();
    }
}
