package org.patchcare.shared.security;

import org.junit.jupiter.api.Test;
import org.patchcare.identity.application.LoginOutcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many API requests arriving at once with the same Basic credentials (not cached yet) share one password check:
 * without that, each ran PBKDF2 while holding a pooled connection, and a burst of 64 ran the pool dry.
 */
class BasicCheckOnceTest {

    private final PatchCareAuthenticationMechanism mechanism = new PatchCareAuthenticationMechanism();

    @Test
    void concurrent_requests_with_the_same_credentials_share_one_check() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        LoginOutcome result = new LoginOutcome(LoginOutcome.Result.FAILED, null, Duration.ZERO);
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16, recording(threads));
        try {
            List<Future<LoginOutcome>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> mechanism.checkOnce("same-key", () -> {
                    checks.incrementAndGet();
                    await(release); // the first check is still running while the others arrive
                    return result;
                })));
            }
            awaitParked(threads, 16);
            assertThat(answers).noneMatch(Future::isDone);
            release.countDown();
            for (Future<LoginOutcome> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS)).isSameAs(result);
            }
            assertThat(checks.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // once it is over, the next request checks again (the cache of successful logins is a separate matter)
        mechanism.checkOnce("same-key", () -> {
            checks.incrementAndGet();
            return result;
        });
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void different_credentials_are_each_checked() {
        AtomicInteger checks = new AtomicInteger();
        LoginOutcome result = new LoginOutcome(LoginOutcome.Result.FAILED, null, Duration.ZERO);
        mechanism.checkOnce("guess-1", () -> {
            checks.incrementAndGet();
            return result;
        });
        mechanism.checkOnce("guess-2", () -> {
            checks.incrementAndGet();
            return result;
        });
        assertThat(checks.get()).isEqualTo(2);
    }

    @Test
    void a_check_that_fails_fails_for_the_requests_waiting_on_it_and_is_not_remembered() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2, recording(threads));
        try {
            Future<LoginOutcome> first = pool.submit(() -> mechanism.checkOnce("k", () -> {
                await(release);
                throw new IllegalStateException("database unreachable");
            }));
            awaitParked(threads, 1); // the first check is running (and blocked) before the second request arrives
            Future<LoginOutcome> second = pool.submit(() -> mechanism.checkOnce("k", () -> {
                throw new AssertionError("the second request must wait for the first check");
            }));
            awaitParked(threads, 2);
            release.countDown();
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("database unreachable");
        } finally {
            pool.shutdownNow();
        }
        LoginOutcome ok = new LoginOutcome(LoginOutcome.Result.FAILED, null, Duration.ZERO);
        assertThat(mechanism.checkOnce("k", () -> ok)).isSameAs(ok);
    }

    private static java.util.concurrent.ThreadFactory recording(List<Thread> threads) {
        return r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        };
    }

    /**
     * Waits until every request thread is parked: the first inside its (blocked) check, the others waiting for it.
     * Not a timing assertion: it only orders the test; 10 s is a generous bound for threads to get there.
     */
    private static void awaitParked(List<Thread> threads, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            if (threads.size() == n && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the request threads did not all reach the check");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
