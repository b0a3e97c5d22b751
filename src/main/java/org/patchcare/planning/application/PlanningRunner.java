package org.patchcare.planning.application;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.patchcare.planning.domain.Explanations;
import org.patchcare.planning.domain.PlanSolution;
import org.patchcare.planning.domain.Planner;
import org.patchcare.planning.domain.RunStatus;
import org.patchcare.shared.domain.ConflictException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs solves in the background on this node, on container-managed threads (the default ManagedThreadFactory), at
 * most {@code PATCHCARE_PLANNING_MAX_SOLVES} at once. Each solve: the greedy plan first (the baseline and the
 * starting point), then Timefold's local search until the time limit or a stop; the best plan so far is written at
 * most once a second, with its explanations; a heartbeat every second also picks up a stop asked on any node.
 */
@ApplicationScoped
public class PlanningRunner {

    private static final Logger LOG = Logger.getLogger(PlanningRunner.class.getName());
    private static final Duration WRITE_EVERY = Duration.ofSeconds(1);

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;
    @Inject
    PlanningWriter writer;
    @Inject
    PlanningSettings settings;
    @Inject
    Clock clock;

    private ThreadPoolExecutor pool;
    private ScheduledExecutorService ticker;
    private final Map<String, Solver<PlanSolution>> running = new ConcurrentHashMap<>();
    private final java.util.Set<String> stopped = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        pool = new ThreadPoolExecutor(settings.maxSolves(), settings.maxSolves(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads);
        ticker = Executors.newSingleThreadScheduledExecutor(threads);
    }

    @PreDestroy
    void shutdown() {
        running.values().forEach(Solver::terminateEarly);
        ticker.shutdownNow();
        pool.shutdown();
    }

    /** Whether a solve may start now on this node. */
    public boolean busy() {
        return pool.getActiveCount() >= settings.maxSolves();
    }

    /** Starts the solve of a run whose row is committed; refused when the node is busy. */
    public void start(String runId, PlanningFacts.Problem problem, Duration limit) {
        try {
            pool.execute(() -> solve(runId, problem, limit));
        } catch (RejectedExecutionException busy) {
            writer.finish(runId, RunStatus.FAILED, "Another plan was being solved on this server; start again when "
                    + "it ends.", clock.instant());
            throw new ConflictException("Another plan is being solved on this server; start again when it ends.");
        }
    }

    /** Stops a solve running on this node (its best plan so far stays); false when it does not run here. */
    public boolean stop(String runId) {
        Solver<PlanSolution> s = running.get(runId);
        if (s == null) {
            return false;
        }
        stopped.add(runId);
        s.terminateEarly();
        return true;
    }

    private void solve(String runId, PlanningFacts.Problem problem, Duration limit) {
        ScheduledFuture<?> beat = null;
        try {
            SolverFactory<PlanSolution> factory = Planner.factory(limit);
            SolutionManager<PlanSolution, HardMediumSoftScore> scores = SolutionManager.create(factory);
            PlanSolution plan = problem.solution();
            HardMediumSoftScore baseline = Planner.greedy(plan, factory);
            writer.prepared(runId, plan.getTasks().size(), problem.pinned(), baseline.toString());
            write(runId, problem, plan, scores);
            Solver<PlanSolution> solver = factory.buildSolver();
            running.put(runId, solver);
            beat = ticker.scheduleAtFixedRate(() -> {
                try {
                    if (writer.beat(runId, clock.instant())) {
                        stopped.add(runId);
                        solver.terminateEarly();
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "planning heartbeat of run " + runId + " failed", e);
                }
            }, 1, 1, TimeUnit.SECONDS);
            long[] last = {System.nanoTime()};
            solver.addEventListener(e -> {
                if (System.nanoTime() - last[0] >= WRITE_EVERY.toNanos()) {
                    last[0] = System.nanoTime();
                    write(runId, problem, e.getNewBestSolution(), scores);
                }
            });
            PlanSolution best = solver.solve(plan);
            write(runId, problem, best, scores);
            writer.finish(runId, stopped.contains(runId) ? RunStatus.STOPPED : RunStatus.FINISHED, best.getScore().isFeasible() ? null
                    : "No plan without a broken rule was found; the explanations name the broken rules.",
                    clock.instant());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "planning run " + runId + " failed", e);
            writer.finish(runId, RunStatus.FAILED, "The solver failed: " + e, clock.instant());
        } finally {
            if (beat != null) {
                beat.cancel(false);
            }
            running.remove(runId);
            stopped.remove(runId);
        }
    }

    private void write(String runId, PlanningFacts.Problem problem, PlanSolution plan,
                       SolutionManager<PlanSolution, HardMediumSoftScore> scores) {
        if (plan.getScore() == null) {
            scores.update(plan);
        }
        writer.best(runId, problem, plan, Explanations.byDevice(plan), clock.instant());
    }
}
