package dev.kelas.lab.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What to run: files written into the work directory ({@code /work} inside), the command line,
 * the standard input and the limits.
 */
public record SandboxRun(Map<String, String> files, List<String> command, String stdin, SandboxLimits limits) {
}
