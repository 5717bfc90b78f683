package dev.kelas.lab.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every language the lab ships (as configured in application.properties), compiled and run through
 * the real {@link SubmissionRunner} under bubblewrap: a right program, a compile error, and the
 * hostile programs the design names. "contained" is what a probe prints when the sandbox stopped it.
 */
class HostileProgramTests {
    private static final SandboxLimits LIMITS = new SandboxLimits(1, 2, 256, 64, 32, 1024, 8);
    private static final int SLOT = 3;
    private static final int UID_BASE = 63100;
    private static Path workRoot;
    private static SubmissionRunner runner;
    private static Map<String, LanguageSpec> languages;

    @BeforeAll
    static void setUp() throws IOException {
        workRoot = Files.createTempDirectory(Path.of("/tmp"), "kelas-hostile-test-");
        Files.setPosixFilePermissions(workRoot, PosixFilePermissions.fromString("rwx--x--x"));
        SandboxSettings defaults = SandboxSettings.defaults();
        Sandbox sandbox = new Sandbox(new SandboxSettings(defaults.bwrapPath(), defaults.setprivPath(), defaults.prlimitPath(),
                workRoot.resolve("runs"), UID_BASE));
        runner = new SubmissionRunner(sandbox, new SandboxLimits(10, 30, 2048, 64, 64, 65536, 16));
        languages = configuredLanguages();
    }

    @AfterAll
    static void removeWorkRoot() throws IOException {
        try (Stream<Path> paths = Files.walk(workRoot)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The languages exactly as lab-service configures them, {@code ${...}} defaults resolved. */
    static Map<String, LanguageSpec> configuredLanguages() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = HostileProgramTests.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String javaHome = properties.getProperty("kelas.lab.java-home").replaceAll("\\$\\{[^:]+:([^}]*)}", "$1");
        java.util.function.Function<String, List<String>> list = key -> {
            String value = properties.getProperty(key);
            return value == null ? List.of() : Arrays.stream(value.replace("${kelas.lab.java-home}", javaHome).split(",")).toList();
        };
        java.util.function.Function<String, Integer> number = key -> Integer.parseInt(properties.getProperty(key, "0"));
        Map<String, LanguageSpec> specs = new java.util.HashMap<>();
        for (String language : List.of("python", "c", "javascript", "java")) {
            String prefix = "kelas.lab.languages." + language + ".";
            specs.put(language, new LanguageSpec(properties.getProperty(prefix + "source-file"), list.apply(prefix + "compile"),
                    list.apply(prefix + "run"), list.apply(prefix + "read-only-binds"), number.apply(prefix + "memory-overhead-mib"),
                    number.apply(prefix + "process-overhead")));
        }
        return specs;
    }

    static List<Arguments> programs() {
        Set<Verdict> contained = Set.of(Verdict.ACCEPTED);
        Set<Verdict> tle = Set.of(Verdict.TIME_LIMIT_EXCEEDED);
        Set<Verdict> bomb = Set.of(Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR);
        List<Arguments> programs = new ArrayList<>();
        // ---- C
        String cProbe = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n#include <fcntl.h>\n"
                + "#include <sys/socket.h>\n#include <netinet/in.h>\n#include <arpa/inet.h>\n";
        programs.add(Arguments.of("c", "right answer", cProbe + "int main(){int a,b;scanf(\"%d %d\",&a,&b);printf(\"%d\\n\",a+b);}", Set.of(Verdict.ACCEPTED)));
        programs.add(Arguments.of("c", "compile error", "int main( { return 0 }", Set.of(Verdict.COMPILATION_ERROR)));
        programs.add(Arguments.of("c", "fork bomb", cProbe + "int main(){for(;;)fork();}", bomb));
        programs.add(Arguments.of("c", "endless loop", "int main(){volatile int x=0;for(;;)x++;}", tle));
        programs.add(Arguments.of("c", "2 GiB allocation", cProbe + "int main(){char*p=malloc(2UL<<30);if(!p){perror(\"malloc\");return 1;}memset(p,1,2UL<<30);return 0;}",
                Set.of(Verdict.MEMORY_LIMIT_EXCEEDED)));
        programs.add(Arguments.of("c", "connect to loopback services", cProbe + "int main(){int ports[]={5432,4222,8081,8083};for(int i=0;i<4;i++){"
                + "int s=socket(AF_INET,SOCK_STREAM,0);struct sockaddr_in a={0};a.sin_family=AF_INET;a.sin_port=htons(ports[i]);"
                + "a.sin_addr.s_addr=inet_addr(\"127.0.0.1\");if(connect(s,(void*)&a,sizeof a)==0){puts(\"escaped\");return 0;}}puts(\"contained\");}", contained));
        programs.add(Arguments.of("c", "read host secrets", cProbe + "int main(){const char*f[]={\"/etc/shadow\",\"/etc/passwd\",\"/proc/1/environ\"};"
                + "for(int i=0;i<3;i++){FILE*h=fopen(f[i],\"r\");if(h){char b[256]={0};fread(b,1,255,h);if(i<2||strstr(b,\"KELAS\")){puts(\"leaked\");return 0;}}}puts(\"contained\");}", contained));
        programs.add(Arguments.of("c", "write outside the sandbox", cProbe + "int main(){const char*f[]={\"/usr/x\",\"/x\",\"/work/x\"};"
                + "for(int i=0;i<3;i++)if(fopen(f[i],\"w\")){puts(\"wrote\");return 0;}puts(\"contained\");}", contained));
        programs.add(Arguments.of("c", "fill the disk", cProbe + "int main(){static char b[1<<20];long n=0;char name[64];for(int i=0;i<100000;i++){"
                + "sprintf(name,\"/tmp/f%d\",i);FILE*h=fopen(name,\"w\");if(!h)break;if(fwrite(b,1,sizeof b,h)<sizeof b||fclose(h)){break;}n++;}"
                + "puts(n<=8?\"contained\":\"filled\");}", contained));
        programs.add(Arguments.of("c", "sleep past the wall limit", cProbe + "int main(){sleep(60);}", tle));
        programs.add(Arguments.of("c", "child outlives parent", cProbe + "int main(){if(fork()==0){setsid();sleep(60);}puts(\"contained\");}", contained));
        programs.add(Arguments.of("c", "print forever", cProbe + "int main(){for(;;)puts(\"spam spam spam spam\");}", Set.of(Verdict.OUTPUT_LIMIT_EXCEEDED)));
        programs.add(Arguments.of("c", "no network interface but loopback", cProbe + "int main(){FILE*h=fopen(\"/proc/net/dev\",\"r\");char l[256];int n=0;"
                + "while(fgets(l,sizeof l,h))if(strchr(l,':')&&!strstr(l,\"lo:\"))n++;puts(n?\"routed\":\"contained\");}", contained));
        // ---- JavaScript (Node.js)
        programs.add(Arguments.of("javascript", "right answer", "const [a,b]=require('fs').readFileSync(0,'utf8').trim().split(/\\s+/).map(Number);console.log(a+b);", Set.of(Verdict.ACCEPTED)));
        programs.add(Arguments.of("javascript", "syntax error", "console.log((;", Set.of(Verdict.RUNTIME_ERROR)));
        programs.add(Arguments.of("javascript", "fork bomb", "const cp=require('child_process');for(;;){try{cp.spawn('/usr/bin/node',['-e','for(;;){}']);}catch(e){}}", Set.of(Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR, Verdict.MEMORY_LIMIT_EXCEEDED)));
        programs.add(Arguments.of("javascript", "endless loop", "for(;;){}", tle));
        programs.add(Arguments.of("javascript", "2 GiB allocation", "const a=[];for(;;)a.push(new Array(1e6).fill(1));", Set.of(Verdict.MEMORY_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR)));
        programs.add(Arguments.of("javascript", "connect to loopback services", "const net=require('net');let open=0,done=0;for(const p of [5432,4222,8081]){"
                + "const s=net.connect(p,'127.0.0.1');s.on('connect',()=>{open++;s.destroy();});s.on('close',()=>{if(++done==3)console.log(open?'escaped':'contained');});s.on('error',()=>{});}", contained));
        programs.add(Arguments.of("javascript", "read host secrets", "const fs=require('fs');let leaked=false;for(const f of ['/etc/shadow','/etc/passwd','/proc/1/environ']){"
                + "try{const t=fs.readFileSync(f,'utf8');if(!f.startsWith('/proc')||t.includes('KELAS'))leaked=true;}catch(e){}}console.log(leaked?'leaked':'contained');", contained));
        programs.add(Arguments.of("javascript", "write outside the sandbox", "const fs=require('fs');let w=false;for(const f of ['/usr/x','/x','/work/x']){try{fs.writeFileSync(f,'x');w=true;}catch(e){}}"
                + "console.log(w?'wrote':'contained');", contained));
        programs.add(Arguments.of("javascript", "sleep past the wall limit", "setTimeout(()=>{},60000);", tle));
        programs.add(Arguments.of("javascript", "print forever", "for(;;)console.log('spam spam spam spam');", Set.of(Verdict.OUTPUT_LIMIT_EXCEEDED)));
        // ---- Java
        String javaHead = "import java.util.*;import java.io.*;import java.net.*;public class Main{public static void main(String[] x)throws Exception{";
        programs.add(Arguments.of("java", "right answer", javaHead + "Scanner s=new Scanner(System.in);System.out.println(s.nextInt()+s.nextInt());}}", Set.of(Verdict.ACCEPTED)));
        programs.add(Arguments.of("java", "compile error", "public class Main { void f() { int x = ; } }", Set.of(Verdict.COMPILATION_ERROR)));
        programs.add(Arguments.of("java", "fork bomb", javaHead + "for(;;){try{new ProcessBuilder(\"/usr/bin/true\").start();}catch(Exception e){}}}}", bomb));
        programs.add(Arguments.of("java", "thread bomb", javaHead + "for(;;){try{new Thread(()->{try{Thread.sleep(60000);}catch(Exception e){}}).start();}catch(Throwable e){}}}}", bomb));
        programs.add(Arguments.of("java", "endless loop", javaHead + "long n=0;for(;;)n++;}}", tle));
        programs.add(Arguments.of("java", "2 GiB allocation", javaHead + "byte[] b=new byte[Integer.MAX_VALUE-8];System.out.println(b.length);}}", Set.of(Verdict.MEMORY_LIMIT_EXCEEDED)));
        programs.add(Arguments.of("java", "connect to loopback services", javaHead + "for(int p:new int[]{5432,4222,8081}){try(Socket s=new Socket(\"127.0.0.1\",p)){System.out.println(\"escaped\");return;}catch(IOException e){}}"
                + "System.out.println(\"contained\");}}", contained));
        programs.add(Arguments.of("java", "read host secrets", javaHead + "boolean leaked=false;for(String f:new String[]{\"/etc/shadow\",\"/etc/passwd\"}){try{new FileInputStream(f).read();leaked=true;}catch(IOException e){}}"
                + "if(System.getenv().keySet().stream().anyMatch(k->k.startsWith(\"KELAS\")))leaked=true;System.out.println(leaked?\"leaked\":\"contained\");}}", contained));
        programs.add(Arguments.of("java", "write outside the sandbox", javaHead + "for(String f:new String[]{\"/usr/x\",\"/x\",\"/work/x\"}){try{new FileOutputStream(f).write(1);System.out.println(\"wrote\");return;}catch(IOException e){}}"
                + "System.out.println(\"contained\");}}", contained));
        programs.add(Arguments.of("java", "sleep past the wall limit", javaHead + "Thread.sleep(60000);}}", tle));
        programs.add(Arguments.of("java", "print forever", javaHead + "for(;;)System.out.println(\"spam spam spam spam\");}}", Set.of(Verdict.OUTPUT_LIMIT_EXCEEDED)));
        // ---- Python
        programs.add(Arguments.of("python", "fill the disk", "n = 0\nfor d in ('/work', '/tmp'):\n    try:\n        for i in range(100000):\n"
                + "            open('%s/f%d' % (d, i), 'wb').write(b'x' * (1 << 20))\n            n += 1\n    except OSError:\n        pass\n"
                + "print('contained' if n <= 8 else 'filled')\n", contained));
        programs.add(Arguments.of("python", "syntax error", "print(", Set.of(Verdict.RUNTIME_ERROR)));
        return programs;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("programs")
    void shouldJudgeAndContain(String language, String what, String source, Set<Verdict> expected) throws Exception {
        boolean sums = what.equals("right answer");
        GradingJob job = new GradingJob(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), language, source, LIMITS,
                List.of(new GradingJob.Test(1, sums ? "40 2\n" : "", sums ? "42\n" : "contained\n", Checker.EXACT, 0, BigDecimal.ONE)),
                null, Instant.now());
        LanguageSpec spec = languages.get(language);
        assertNotNull(spec, language + " is not configured");
        SubmissionRunner.Result result = runner.run(job, spec, SLOT);
        Verdict verdict = result.tests().get(0).verdict();
        assertTrue(expected.contains(verdict), language + " " + what + ": " + verdict + " printing '"
                + result.tests().get(0).stdoutExcerpt() + "' compile: " + result.compileOutput());
        if (verdict == Verdict.COMPILATION_ERROR) {
            assertTrue(result.compileOutput() != null && !result.compileOutput().isBlank(), "no compiler message");
        }
        assertNoProcessOf(UID_BASE + SLOT);
        try (Stream<Path> left = Files.list(workRoot.resolve("runs"))) {
            assertEquals(List.of(), left.toList(), "work directories left behind");
        }
    }

    @org.junit.jupiter.api.Test
    void shouldLetATeachersCheckerProgramDecideAndHideItsFilesFromTheNextTest() throws Exception {
        String checker = "import sys\nout = open(sys.argv[2]).read().split()\nexp = open(sys.argv[3]).read().split()\n"
                + "sys.exit(0 if sorted(out) == sorted(exp) else 1)\n";
        String program = "import os\nprint(*reversed(input().split()))\nprint('peek' if os.path.exists('expected.txt') else '', end='')\n";
        GradingJob job = new GradingJob(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "python", program, LIMITS, List.of(
                new GradingJob.Test(1, "1 2 3\n", "1 2 3\n", Checker.PROGRAM, 0, BigDecimal.ONE),
                new GradingJob.Test(2, "4 5\n", "4 6\n", Checker.PROGRAM, 0, BigDecimal.ONE)), checker, Instant.now());
        SubmissionRunner.Result result = runner.run(job, languages.get("python"), SLOT);
        assertEquals(Verdict.ACCEPTED, result.tests().get(0).verdict(), "any order is accepted by this checker");
        assertEquals(Verdict.WRONG_ANSWER, result.tests().get(1).verdict());

        GradingJob broken = new GradingJob(job.tenantId(), job.submissionId(), job.taskId(), job.assignmentId(), job.classId(),
                job.studentId(), "python", "print(1)\n", LIMITS,
                List.of(new GradingJob.Test(1, "", "1\n", Checker.PROGRAM, 0, BigDecimal.ONE)), "raise SystemExit(7)\n", Instant.now());
        assertEquals(Verdict.INTERNAL_ERROR, runner.run(broken, languages.get("python"), SLOT).tests().get(0).verdict());
    }

    private static void assertNoProcessOf(int uid) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            long survivors = procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).filter(p -> {
                try {
                    return Files.readAllLines(p.resolve("status")).stream()
                            .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals(String.valueOf(uid)));
                } catch (IOException | RuntimeException gone) {
                    return false;
                }
            }).count();
            assertEquals(0, survivors, "processes of the run's uid survived it");
        }
    }
}
