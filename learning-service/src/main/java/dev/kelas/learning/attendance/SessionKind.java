package dev.kelas.learning.attendance;

/** What a register session is: a timetable lesson, the class's daily (homeroom) register, or one a teacher added. */
public enum SessionKind {
    LESSON, DAILY, EXTRA
}
