package dev.kelas.learning.calendar;

/** Kinds of school calendar events. A {@link #HOLIDAY} removes the timetable's lessons (and their register sessions) on its days. */
public enum CalendarEventType {
    HOLIDAY, EXAM, SCHOOL_EVENT, MEETING
}
