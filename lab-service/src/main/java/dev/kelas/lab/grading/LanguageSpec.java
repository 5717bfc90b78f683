package dev.kelas.lab.grading;

import java.util.List;

/**
 * How graders build and run one language, from {@code kelas.lab.languages.<key>.*}. Commands may use
 * the placeholder {@code {memoryMib}}, replaced by the run's memory limit.
 *
 * @param sourceFile        the name the source is written to in the work directory
 * @param compile           the compile command, empty for an interpreted language
 * @param run               the run command
 * @param readOnlyBinds     host paths the runtime needs inside the sandbox (e.g. the JDK's {@code /etc} files)
 * @param memoryOverheadMib added to the address-space limit for runtimes that reserve more address space
 *                          than they use (JVM, V8); the heap itself is capped through {@code {memoryMib}}
 * @param processOverhead   added to the process limit for runtimes' own threads
 */
public record LanguageSpec(String sourceFile, List<String> compile, List<String> run, List<String> readOnlyBinds,
                           int memoryOverheadMib, int processOverhead) {

    /** The command with {@code {memoryMib}} replaced. */
    public static List<String> expand(List<String> command, int memoryMib) {
        return command.stream().map(part -> part.replace("{memoryMib}", Integer.toString(memoryMib))).toList();
    }
}
