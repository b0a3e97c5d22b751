package org.patchcare.planning.application;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.patchcare.planning.domain.PlanSolution;
import org.patchcare.planning.domain.PlanTask;
import org.patchcare.planning.domain.PlanningProposal;
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

    private long runId(String id) {
        return em.createQuery("select r.id from PlanningRun r where r.publicId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
    }

    /*
     * Bulk updates, not entity changes: the heartbeat and the best-plan writes run in their own transactions at the
     * same time, and a version check between them would fail one of them (seen in PlanningE2EIT). The run's version
     * is for people's edits (stop, accept).
     */

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void prepared(String runId, int tasks, int pinned, String baseline) {
        em.createQuery("update PlanningRun r set r.taskCount = :t, r.pinnedCount = :p, r.baselineScore = :b "
                        + "where r.publicId = :id").setParameter("t", tasks).setParameter("p", pinned)
                .setParameter("b", baseline).setParameter("id", runId).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void best(String runId, PlanningFacts.Problem problem, PlanSolution plan,
                     Map<String, List<String>> explanations, Instant now) {
        long id = runId(runId);
        HardMediumSoftScore s = plan.getScore();
        em.createQuery("update PlanningRun r set r.hardScore = :h, r.mediumScore = :m, r.softScore = :s, "
                        + "r.bestAt = :now, r.heartbeatAt = :now where r.id = :id").setParameter("h", s.hardScore())
                .setParameter("m", s.mediumScore()).setParameter("s", s.softScore()).setParameter("now", now)
                .setParameter("id", id).executeUpdate();
        em.createQuery("delete from PlanningProposal p where p.runId = :r").setParameter("r", id).executeUpdate();
        for (PlanTask t : plan.getTasks()) {
            if (t.getSlot() == null) {
                continue;
            }
            List<String> exposures = problem.exposuresOf().getOrDefault(t.getId(), List.of());
            em.persist(new PlanningProposal(id, t.getId(), t.getAssetTag(),
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
        em.createQuery("update PlanningRun r set r.heartbeatAt = :now where r.publicId = :id and r.status = :solving")
                .setParameter("now", now).setParameter("id", runId).setParameter("solving", RunStatus.SOLVING)
                .executeUpdate();
        return em.createQuery("select r.stopRequested from PlanningRun r where r.publicId = :id", Boolean.class)
                .setParameter("id", runId).getSingleResult();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(String runId, RunStatus status, String message, Instant now) {
        String m = message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
        em.createQuery("update PlanningRun r set r.status = :st, r.message = :m, r.finishedAt = :now, "
                        + "r.heartbeatAt = :now where r.publicId = :id and r.status = :solving")
                .setParameter("st", status).setParameter("m", m).setParameter("now", now).setParameter("id", runId)
                .setParameter("solving", RunStatus.SOLVING).executeUpdate();
    }
}
