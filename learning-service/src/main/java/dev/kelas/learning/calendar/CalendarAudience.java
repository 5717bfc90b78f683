package dev.kelas.learning.calendar;

/** Who a calendar event is for: the whole school, every user of a role, or one class's students and teachers. */
public enum CalendarAudience {
    SCHOOL, ROLE, CLASS
}
