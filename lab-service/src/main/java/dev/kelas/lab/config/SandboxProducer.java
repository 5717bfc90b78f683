package dev.kelas.lab.config;

import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Builds the plain-Java {@link Sandbox} from {@link LabConfig}. */
public class SandboxProducer {
    @Produces
    @ApplicationScoped
    Sandbox sandbox(LabConfig config) {
        LabConfig.Sandbox sandbox = config.sandbox();
        return new Sandbox(new SandboxSettings(sandbox.bwrapPath(), sandbox.setprivPath(), sandbox.prlimitPath(),
                Path.of(sandbox.workRoot()), sandbox.slotUidBase()));
    }
}
