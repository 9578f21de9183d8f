package jp.madoguchi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Madoguchi (窓口) — the front-office platform for Japanese municipalities.
 *
 * <p>Each top-level package under {@code jp.madoguchi} is an application module (a capability): its public API
 * lives at the package root, its internals in sub-packages. {@code ModuleStructureTest} verifies the structure.
 */
@SpringBootApplication
@Modulithic(systemName = "Madoguchi", sharedModules = {"kit", "platform"})
public class MadoguchiApplication {

    public static void main(String[] args) {
        SpringApplication.run(MadoguchiApplication.class, args);
    }
}
