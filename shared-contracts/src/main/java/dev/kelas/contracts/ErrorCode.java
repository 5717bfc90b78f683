package dev.kelas.contracts;

/**
 * Stable machine-readable error codes carried in the {@code code} member of every RFC 9457
 * problem document Kelas returns. Clients switch on these, never on the human-readable text.
 */
public enum ErrorCode {
    /** 400/422: a field failed validation; {@code errors} lists each field. */
    VALIDATION_ERROR,
    /** 400: the body is not well-formed JSON or has the wrong shape. */
    MALFORMED_REQUEST,
    /** 401: no valid access token, or bad credentials. */
    UNAUTHENTICATED,
    /** 403: authenticated, but the role or relationship does not allow this. */
    FORBIDDEN,
    /** 403: the school does not show leaderboards to students (its analytics setting, default {@code kelas.learning.analytics.student-leaderboards}). */
    LEADERBOARD_HIDDEN,
    /** 403: the task's teacher shows code feedback only after the assignment's due time, which has not passed. */
    FEEDBACK_NOT_YET_VISIBLE,
    /** 404: the task's teacher turned code feedback off. */
    FEEDBACK_OFF,
    /** 404: the submission's feedback is not written yet (it follows the verdict); a live update says when it is. */
    FEEDBACK_PENDING,
    /** 409: the submission is not graded (yet, or its grading failed); only a graded submission can be reviewed. */
    SUBMISSION_NOT_GRADED,
    /** 429: the student asked for too many reviews in the window ({@code kelas.lab.review.requests.*}); see {@code Retry-After}. */
    REVIEW_RATE_LIMITED,
    /**
     * 429: a fresh AI review was asked for past the student's or the school's daily AI limit
     * ({@code kelas.lab.review.student-daily-ai-limit}, {@code .school-daily-ai-limit}); {@code Retry-After} says
     * when the UTC day ends.
     */
    AI_DAILY_LIMIT_REACHED,
    /** 404: no such resource in the caller's tenant (another tenant's ids answer this too). */
    NOT_FOUND,
    /** 405: the path exists but not with this method. */
    METHOD_NOT_ALLOWED,
    /** 415: the request body is not JSON. */
    UNSUPPORTED_MEDIA_TYPE,
    /** 409: the change conflicts with existing state (duplicate slug, e-mail, enrollment). */
    CONFLICT,
    /** 429: too many requests; {@code Retry-After} says when to try again. */
    RATE_LIMITED,
    /** 500: an unexpected failure; details are in the server log under the request id. */
    INTERNAL_ERROR,
    /** 414: the request target (path and query) is too long. */
    URI_TOO_LONG,
    /** 431: the request headers are too large. */
    HEADERS_TOO_LARGE,
    /** 413: the request body is too large. */
    PAYLOAD_TOO_LARGE,
    /** 406: none of the media types in Accept can be produced. */
    NOT_ACCEPTABLE,
    /** 412: the resource changed since the client read it ({@code If-Match} names an old ETag); read it again. */
    PRECONDITION_FAILED,
    /** 503: a dependency (database, messaging) is unavailable for now; retry after Retry-After seconds. */
    SERVICE_UNAVAILABLE,
    /** 409: every attempt the assignment allows is used; no further submission is accepted. */
    ATTEMPTS_EXHAUSTED,
    /** 409: the assignment has hand-ins (or lab submissions); it cannot be deleted. */
    ASSIGNMENT_HAS_HAND_INS,
    /** 409: the assignment has grades; it cannot be deleted. */
    ASSIGNMENT_GRADED,
    /** 409: grades use the rubric's levels; the rubric (and so the points) cannot be replaced. */
    RUBRIC_IN_USE,
    /** 422: one or more entries of a bulk grade request are invalid; {@code errors} lists each (index, student, code). */
    BULK_GRADES_INVALID,
    /** 409: the class is archived; it takes no new enrollments, assignments or changes. */
    CLASS_ARCHIVED,
    /** 422: this {@code Idempotency-Key} was used before with a different request; use a new key. */
    IDEMPOTENCY_KEY_REUSED,
    /** 409: another student of the school already has this student number (student records, issue 15). */
    STUDENT_NUMBER_TAKEN,
    /** 415: an avatar must be a PNG, JPEG or WebP image ({@code Content-Type} {@code image/png}, {@code image/jpeg} or {@code image/webp}). */
    AVATAR_TYPE_UNSUPPORTED,
    /** 422: the avatar's bytes do not decode as the image its {@code Content-Type} claims (or are too many pixels). */
    AVATAR_UNREADABLE,
    /** 413: the avatar is larger than {@code kelas.auth.avatar.max-bytes} (2 MiB). */
    AVATAR_TOO_LARGE,
    /** 409: the e-mail address already has an account in the school (invitations, issue 15). */
    EMAIL_TAKEN,
    /** 409: the e-mail address has a pending invitation to the school already; resend or revoke it. */
    INVITATION_PENDING,
    /** 410: no invitation has this token (mistyped, or replaced by a resent one). */
    INVITATION_INVALID,
    /** 410: the invitation was accepted already; its link works once. Log in instead. */
    INVITATION_USED,
    /** 410: the invitation's link expired ({@code kelas.auth.invitations.ttl}); ask the school to resend it. */
    INVITATION_EXPIRED,
    /** 410: the school revoked the invitation. */
    INVITATION_REVOKED,
    /** 403: the school does not take self-registrations (its administrators turn them on); ask it for an invitation. */
    SELF_REGISTRATION_OFF,
    /** 422: no class of the school has this join code now (mistyped, rotated or turned off). */
    JOIN_CODE_INVALID,
    /** 410: the e-mail verification link is unknown, used or expired. */
    EMAIL_VERIFICATION_INVALID
}
