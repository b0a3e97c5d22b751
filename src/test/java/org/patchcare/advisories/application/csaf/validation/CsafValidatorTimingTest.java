package org.patchcare.advisories.application.csaf.validation;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures validation time on the 128 real advisories (after warm-up) and on the largest one, and prints the
 * figures. The budgets are generous: they catch a pathological slow-down, not a slower machine.
 */
class CsafValidatorTimingTest {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 5;

    @Test
    void validates_the_128_real_advisories_and_the_largest_one_within_budget() throws Exception {
        long start = System.nanoTime();
        CsafValidator validator = new CsafValidator();
        Duration construction = Duration.ofNanos(System.nanoTime() - start);
        List<Path> files = Stream.concat(CsafTestFiles.jsonFiles("csaf/icsma").stream(),
                CsafTestFiles.jsonFiles("csaf/icsa").stream()).toList();
        List<JsonNode> documents = files.stream().map(CsafTestFiles::read).toList();
        Path largest = files.stream().max(Comparator.comparingLong(CsafValidatorTimingTest::size)).orElseThrow();
        JsonNode largestDocument = documents.get(files.indexOf(largest));

        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            documents.forEach(validator::validate);
        }
        List<Duration> all = new ArrayList<>();
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long t = System.nanoTime();
            documents.forEach(d -> assertThat(validator.validate(d).accepted()).isTrue());
            all.add(Duration.ofNanos(System.nanoTime() - t));
        }
        List<Duration> one = new ArrayList<>();
        for (int i = 0; i < MEASURED_ROUNDS * 4; i++) {
            long t = System.nanoTime();
            validator.validate(largestDocument);
            one.add(Duration.ofNanos(System.nanoTime() - t));
        }
        Duration allMedian = median(all);
        Duration oneMedian = median(one);

        System.out.printf("CSAF validation: validator built in %d ms; %d real advisories in %d ms (median of %d"
                        + " rounds after %d warm-up rounds, %.1f ms per advisory); largest, %s (%d kB), in %d ms%n",
                construction.toMillis(), documents.size(), allMedian.toMillis(), MEASURED_ROUNDS, WARM_UP_ROUNDS,
                allMedian.toNanos() / 1e6 / documents.size(), largest.getFileName(), size(largest) / 1024,
                oneMedian.toMillis());
        assertThat(documents).hasSize(128);
        assertThat(allMedian).isLessThan(Duration.ofSeconds(30));
        assertThat(oneMedian).isLessThan(Duration.ofSeconds(5));
    }

    private static Duration median(List<Duration> durations) {
        return durations.stream().sorted().toList().get(durations.size() / 2);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
