package org.patchcare.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real-world test files (../shared/testdata beside the repository), used as they are. */
public final class TestData {

    private TestData() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("testdata.dir", "../shared/testdata"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("The shared test data is missing: expected " + dir.toAbsolutePath()
                    + " (the folder shared/testdata beside the repository)");
        }
        return dir;
    }

    public static Path file(String relative) {
        Path p = dir().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Missing test file " + p.toAbsolutePath());
        }
        return p;
    }
}
