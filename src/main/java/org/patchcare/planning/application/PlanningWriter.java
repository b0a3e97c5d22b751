package org.patchcare.planning.application;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.patchcare.planning.domain.PlanSolution;
import org.patchcare.planning.domain.PlanTask;
import org.patchcare.planning.domain.PlanningProposal;
import org.patchcare.planning.domain.PlanningRun;
import org.patchcare.planning.domain.RunStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's progress from the solver's thread, each in its own transaction: the best plan so far (proposals
 * replaced whole), the heartbeat (and whether someone asked to stop, from any node), the end. Not a service: only
 * {@link PlanningRunner} calls it, for runs {@link PlanningService} started after checking the caller's role.
 */
@ApplicationScoped
public class PlanningWriter {

    @PersistenceContext
    EntityManager em;

    private PlanningRun run(String id) {
        return em.createQuery("select r from PlanningRun r where r.publicId = :id", PlanningRun.class)
                .setParameter("id", id).getSingleResult();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepared(String runId, int tasks, int pinned, String baseline) {
        run(runId).prepared(tasks, pinned, baseline);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void best(String runId, PlanningFacts.Problem problem, PlanSolution plan,
                     Map<String, List<String>> explanations, Instant now) {
        PlanningRun run = run(runId);
        HardMediumSoftScore s = plan.getScore();
        run.best(s.hardScore(), s.mediumScore(), s.softScore(), now);
        em.createQuery("delete from PlanningProposal p where p.runId = :r").setParameter("r", run.getId())
                .executeUpdate();
        for (PlanTask t : plan.getTasks()) {
            if (t.getSlot() == null) {
                continue;
            }
            List<String> exposures = problem.exposuresOf().getOrDefault(t.getId(), List.of());
            em.persist(new PlanningProposal(run.getId(), t.getId(), t.getAssetTag(),
                    problem.departmentOf().get(t.getId()), t.getLabel(), t.start(), t.end(), t.getZone().getId(),
                    t.getTechnician() == null || t.getTechnician().placeholder() ? null
                            : t.getTechnician().username(), t.getDue(), t.getPriority().name(), (int) t.hoursLate(),
                    t.isPinned(), t.getRequestId(), exposures.isEmpty() ? null : String.join(",", exposures),
                    String.join("\n", explanations.getOrDefault(t.getAssetTag(), List.of()))));
        }
    }

    /** The heartbeat; answers whether someone asked the run to stop. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean beat(String runId, Instant now) {
        PlanningRun run = run(runId);
        if (run.getStatus() == RunStatus.SOLVING) {
            run.beat(now);
        }
        return run.isStopRequested();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String runId, RunStatus status, String message, Instant now) {
        PlanningRun run = run(runId);
        if (run.getStatus() == RunStatus.SOLVING) {
            run.finish(status, message, now);
        }
    }
}
