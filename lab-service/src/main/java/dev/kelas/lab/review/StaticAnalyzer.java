package dev.kelas.lab.review;

import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.sandbox.SandboxResult;
import dev.kelas.lab.sandbox.SandboxRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the static-analysis tools of one language over a student's source, each in the sandbox (the tools read
 * untrusted code, and some, like a compiler, could be led into long work), and collects their findings. Plain
 * Java, so tests can use it without the service.
 */
public final class StaticAnalyzer {
    private final Sandbox sandbox;
    private final SandboxLimits limits;
    private final Map<String, ReviewConfig.Tool> tools;
    private final int maxFindingsPerTool;

    /**
     * @param limits             the limits of each tool's run (the compile step's)
     * @param tools              the tools by name
     * @param maxFindingsPerTool findings kept per tool; the rest are counted in one INFO finding
     */
    public StaticAnalyzer(Sandbox sandbox, SandboxLimits limits, Map<String, ReviewConfig.Tool> tools, int maxFindingsPerTool) {
        this.sandbox = sandbox;
        this.limits = limits;
        this.tools = tools;
        this.maxFindingsPerTool = maxFindingsPerTool;
    }

    /**
     * What the tools found.
     *
     * @param findings     every tool's findings, tool by tool in name order
     * @param toolsRun     the tools that ran
     * @param toolsMissing the tools of the language whose program is not installed on this machine
     */
    public record Analysis(List<Finding> findings, List<String> toolsRun, List<String> toolsMissing) {
    }

    /**
     * Runs every tool configured for {@code language} over {@code source}. Blocking.
     *
     * @param sourceFile the file name the language's source takes (e.g. {@code main.py})
     * @param slot       the sandbox slot (uid) this review holds
     * @throws IOException if the sandbox cannot be set up
     */
    public Analysis analyze(String language, String sourceFile, String source, int slot) throws IOException, InterruptedException {
        List<Finding> findings = new ArrayList<>();
        List<String> run = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> names = tools.keySet().stream().sorted().toList();
        for (String name : names) {
            ReviewConfig.Tool tool = tools.get(name);
            if (!tool.language().equals(language)) {
                continue;
            }
            String program = tool.command().get(0);
            if (program.startsWith("/") && !Files.isExecutable(Path.of(program))) {
                missing.add(name);
                continue;
            }
            SandboxResult result = sandbox.run(new SandboxRun(Map.of(sourceFile, source), tool.command(), "", limits,
                    tool.readOnlyBinds().orElse(List.of()), false), slot);
            List<Finding> found = format(tool.format()).parse(result.stdout(), result.stderr());
            run.add(name);
            if (result.wallTimeExceeded() || result.cpuTimeExceeded()) {
                findings.add(new Finding(null, null, Finding.Severity.INFO, name + " took longer than its limit of "
                        + limits.wallSeconds() + " s and was stopped; its findings may be incomplete", name, null));
            }
            findings.addAll(found.size() <= maxFindingsPerTool ? found : found.subList(0, maxFindingsPerTool));
            if (found.size() > maxFindingsPerTool) {
                findings.add(new Finding(null, null, Finding.Severity.INFO, (found.size() - maxFindingsPerTool) + " more findings of "
                        + name + " are not shown", name, null));
            }
        }
        return new Analysis(findings, run, missing);
    }

    /**
     * The parser of a configured format name.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link ToolFormat}'s
     */
    static ToolFormat format(String name) {
        return ToolFormat.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
