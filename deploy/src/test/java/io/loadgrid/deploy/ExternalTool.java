package io.loadgrid.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a deployment test needs (prometheus, promtool, terraform, docker-compose, node). On a developer machine
 * without it the test is skipped with the install hint; where {@code LOADGRID_REQUIRE_TOOLS=1} (set by {@code .ci/run},
 * which installs them) a missing tool fails the test, so CI can never pass by skipping.
 */
public final class ExternalTool {
    private ExternalTool() {}

    /** The tool's path on PATH (or one of {@code extraDirs}); skips or fails as described above when it is missing. */
    public static Path require(String name, String installHint, Path... extraDirs) {
        Path found = find(name, extraDirs);
        if (found != null) {
            return found;
        }
        String why = name + " is not installed; " + installHint;
        if ("1".equals(System.getenv("LOADGRID_REQUIRE_TOOLS"))) {
            throw new AssertionError(why + " (LOADGRID_REQUIRE_TOOLS=1 makes missing tools fail)");
        }
        Assumptions.abort(why);
        return null;
    }

    /**
     * A tool that no package registry CI can reach serves (terraform): where it is missing the test is skipped, in CI
     * too, and says so; where it is installed (the development machine) the test runs.
     */
    public static Path optional(String name, String installHint) {
        Path found = find(name);
        Assumptions.assumeTrue(found != null, name + " is not installed, so this check is skipped; " + installHint);
        return found;
    }

    private static Path find(String name, Path... extraDirs) {
        for (Path dir : extraDirs) {
            Path p = dir.resolve(name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
