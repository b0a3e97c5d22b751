package org.patchcare.planning.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.downtime.application.ChangeRequestCommand;
import org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.planning.application.PlanningViews.ProposalView;
import org.patchcare.planning.application.PlanningViews.RunSummary;
import org.patchcare.planning.application.PlanningViews.RunView;
import org.patchcare.planning.domain.PlanningProposal;
import org.patchcare.planning.domain.PlanningRun;
import org.patchcare.planning.domain.Priority;
import org.patchcare.planning.domain.RunStatus;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.InvalidInputException.Violation;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.UserDepartments;
import org.patchcare.shared.security.CurrentUser;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Planning runs: start a background solve, read its progress and best plan (any node: the state is in the database),
 * stop it, accept its proposals as submitted change requests (the normal approval flow). IT security, biomedical
 * technicians and administrators plan; only those who may create change requests (IT security, biomed) accept;
 * clinical managers read the proposals of their own departments.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class PlanningService {

    static final String AUDIT_TYPE = "PlanningRun";
    /** The longest horizon. */
    public static final int MAX_DAYS = 62;

    @PersistenceContext
    EntityManager em;
    @Inject
    PlanningFacts facts;
    @Inject
    PlanningRunner runner;
    @Inject
    PlanningSettings settings;
    @Inject
    ChangeRequestService changeRequests;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Resource
    TransactionSynchronizationRegistry registry;

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY, Roles.ADMIN})
    public RunView start(PlanCommand c) {
        if (c == null) {
            throw new InvalidInputException("from", "Send the horizon (from, to).");
        }
        Instant now = clock.instant();
        List<Violation> v = new ArrayList<>();
        if (c.from() == null) {
            v.add(new Violation("from", "Give the start of the horizon, e.g. 2026-12-01T00:00:00Z."));
        }
        if (c.to() == null) {
            v.add(new Violation("to", "Give the end of the horizon, e.g. 2026-12-31T00:00:00Z."));
        }
        if (c.from() != null && c.to() != null) {
            if (!c.to().isAfter(c.from())) {
                v.add(new Violation("to", "The horizon ends after it starts."));
            } else if (Duration.between(c.from(), c.to()).toDays() > MAX_DAYS) {
                v.add(new Violation("to", "A horizon covers at most " + MAX_DAYS + " days."));
            }
            if (!c.to().isAfter(now)) {
                v.add(new Violation("to", "The horizon must end in the future."));
            }
        }
        int limit = c.timeLimitSeconds() == null ? (int) settings.defaultLimit().toSeconds() : c.timeLimitSeconds();
        if (limit < 1 || limit > settings.maxLimit().toSeconds()) {
            v.add(new Violation("timeLimitSeconds", "The time limit is between 1 and " + settings.maxLimit()
                    .toSeconds() + " seconds."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (runner.busy()) {
            throw new ConflictException("Another plan is being solved on this server; start again when it ends.");
        }
        Instant from = c.from().isBefore(now) ? now.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                : c.from();
        List<String> departments = clean(c.departments());
        List<String> requests = clean(c.requestIds());
        List<String> exposures = clean(c.exposureIds());
        PlanningFacts.Problem problem = facts.load(new PlanningFacts.Scope(from, c.to(), departments, requests,
                exposures));
        long toPlan = problem.solution().getTasks().stream().filter(t -> !t.isPinned()).count();
        if (toPlan == 0) {
            throw new InvalidInputException(departments.isEmpty() ? "exposureIds" : "departments",
                    "Nothing to plan: no device of the choice needs a window.");
        }
        PlanningRun run = new PlanningRun(from, c.to(), limit, join(departments), join(requests), join(exposures),
                node(), now);
        run.touch(me(), now);
        run.prepared(problem.solution().getTasks().size(), problem.pinned(), null);
        em.persist(run);
        audit.created(AUDIT_TYPE, run.getPublicId(), Snapshot.empty().with("from", from).with("to", c.to())
                .with("departments", join(departments)).with("devices", toPlan).with("pinned", problem.pinned())
                .with("timeLimitSeconds", limit));
        String id = run.getPublicId();
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    runner.start(id, problem, Duration.ofSeconds(limit));
                }
            }
        });
        em.flush();
        return view(run, List.of());
    }

    public RunView get(String id) {
        PlanningRun run = require(id);
        markStale(run);
        List<PlanningProposal> ps = em.createQuery("select p from PlanningProposal p where p.runId = :r order by "
                + "p.startsAt, p.assetTag", PlanningProposal.class).setParameter("r", run.getId()).getResultList();
        if (currentUser.limitedToOwnDepartments()) {
            Set<Long> mine = UserDepartments.of(em, me());
            ps = ps.stream().filter(p -> mine.contains(p.getDepartmentId())).toList();
        }
        return view(run, ps);
    }

    public List<RunSummary> list(int limit) {
        return em.createQuery("select r from PlanningRun r order by r.startedAt desc", PlanningRun.class)
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList().stream().map(r -> {
                    markStale(r);
                    return new RunSummary(r.getPublicId(), r.getStatus().name(), r.getHorizonFrom(), r.getHorizonTo(),
                            r.getStartedAt(), r.getCreatedBy(), r.getTaskCount(), r.getHardScore(),
                            r.getMediumScore(), r.getSoftScore());
                }).toList();
    }

    /** Asks the solve to stop (on this node at once, on another at its next heartbeat); its best plan stays. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY, Roles.ADMIN})
    public RunView stop(String id) {
        PlanningRun run = require(id);
        if (run.getStatus() != RunStatus.SOLVING) {
            throw new ConflictException("The run is " + run.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + " already.");
        }
        // a bulk update: the solving node writes the run meanwhile (PlanningWriter)
        em.createQuery("update PlanningRun r set r.stopRequested = true, r.updatedBy = :me, r.updatedAt = :now "
                        + "where r.id = :id").setParameter("me", me()).setParameter("now", clock.instant())
                .setParameter("id", run.getId()).executeUpdate();
        audit.event(AUDIT_TYPE, id, "stop asked", null);
        runner.stop(id);
        return get(id);
    }

    /**
     * Turns the proposals of the given devices (all when none given) into submitted change requests: one request per
     * device from exposures, a pending draft request updated with its proposed windows. Pinned (already approved)
     * and already accepted proposals are left alone. Everything or nothing: a refusal rolls all back.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public RunView accept(String id, List<String> assetTags) {
        PlanningRun run = require(id);
        markStale(run);
        if (run.getStatus() == RunStatus.SOLVING) {
            throw new ConflictException("The plan is still being solved; stop it or wait for it to finish.");
        }
        List<PlanningProposal> all = em.createQuery("select p from PlanningProposal p where p.runId = :r order by "
                + "p.startsAt, p.assetTag", PlanningProposal.class).setParameter("r", run.getId()).getResultList();
        List<String> tags = clean(assetTags);
        Set<String> known = all.stream().map(PlanningProposal::getAssetTag).collect(Collectors.toSet());
        List<String> unknown = tags.stream().filter(t -> !known.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("assetTags", "The plan has no window for " + String.join(", ", unknown)
                    + ".");
        }
        if (run.getHardScore() != null && run.getHardScore() < 0) {
            throw new InvalidInputException("run", "The plan breaks a hard rule (see the explanations); it cannot be "
                    + "accepted. Plan again with a longer horizon or time limit.");
        }
        List<PlanningProposal> chosen = all.stream().filter(p -> !p.isPinned() && !p.isAccepted()
                && (tags.isEmpty() || tags.contains(p.getAssetTag()))).toList();
        if (chosen.isEmpty()) {
            throw new InvalidInputException("assetTags", "Nothing to accept: the chosen windows are approved or "
                    + "accepted already.");
        }
        Map<String, List<PlanningProposal>> byRequest = new LinkedHashMap<>();
        List<PlanningProposal> fresh = new ArrayList<>();
        for (PlanningProposal p : chosen) {
            if (p.getRequestId() == null) {
                fresh.add(p);
            } else {
                byRequest.computeIfAbsent(p.getRequestId(), k -> new ArrayList<>()).add(p);
            }
        }
        String comment = "Proposed by planning run " + id + ".";
        for (PlanningProposal p : fresh) {
            List<String> exposures = p.getExposureIds() == null ? List.of() : Arrays.asList(p.getExposureIds()
                    .split(","));
            ChangeRequestDetails d = changeRequests.create(new ChangeRequestCommand(ChangeRequestKind.PATCH,
                    "Patch " + p.getAssetTag() + (p.getLabel() == null ? "" : " (" + p.getLabel() + ")"),
                    "Apply the vendor's update for the linked exposures (" + Priority.valueOf(p.getPriority()).label()
                            + ").", null, false, (int) Duration.between(p.getStartsAt(), p.getEndsAt()).toMinutes(),
                    null, null, null, p.getTechnician(), List.of(p.getAssetTag()), exposures,
                    List.of(new WindowProposal(p.getAssetTag(), p.getStartsAt(), p.getEndsAt())), false));
            ChangeRequestDetails s = changeRequests.submit(d.summary().id(), d.summary().version(), comment);
            p.accepted(s.summary().id());
        }
        for (Map.Entry<String, List<PlanningProposal>> e : byRequest.entrySet()) {
            ChangeRequestDetails d = changeRequests.get(e.getKey());
            List<WindowProposal> windows = e.getValue().stream().map(p -> new WindowProposal(p.getAssetTag(),
                    p.getStartsAt(), p.getEndsAt())).toList();
            ChangeRequestDetails u = changeRequests.update(e.getKey(), d.summary().version(), new ChangeRequestCommand(
                    d.summary().kind(), d.summary().title(), d.plannedAction(), d.vendorReference(),
                    d.manufacturerValidated(), d.expectedMinutes(), d.clinicalImpact(), d.backupEquipment(),
                    d.rollbackPlan(), e.getValue().getFirst().getTechnician(), d.devices().stream()
                    .map(x -> x.assetTag()).toList(), d.exposures().stream().map(x -> x.id()).toList(), windows,
                    d.summary().emergency()));
            changeRequests.submit(e.getKey(), u.summary().version(), comment);
            e.getValue().forEach(p -> p.accepted(e.getKey()));
        }
        run.touch(me(), clock.instant());
        audit.event(AUDIT_TYPE, id, "accepted", chosen.size() + " window(s) accepted as submitted change requests: "
                + chosen.stream().map(PlanningProposal::getAssetTag).collect(Collectors.joining(", ")));
        em.flush();
        return get(id);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private PlanningRun require(String id) {
        if (id == null || id.isBlank()) {
            throw new NotFoundException("Planning run", String.valueOf(id));
        }
        return em.createQuery("select r from PlanningRun r where r.publicId = :id", PlanningRun.class)
                .setParameter("id", id.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Planning run", id));
    }

    /** A solving run whose node stopped beating is failed (the node died or was stopped). */
    private void markStale(PlanningRun run) {
        Instant now = clock.instant();
        if (run.getStatus() == RunStatus.SOLVING && run.getHeartbeatAt() != null
                && run.getHeartbeatAt().plus(settings.stale()).isBefore(now)) {
            run.finish(RunStatus.FAILED, "The server solving this plan (" + run.getNode() + ") stopped answering; "
                    + "the best plan it saved is shown. Plan again to continue.", now);
        }
    }

    private RunView view(PlanningRun r, List<PlanningProposal> ps) {
        Instant now = clock.instant();
        Instant end = r.getFinishedAt() != null ? r.getFinishedAt() : now;
        long elapsed = Math.max(0, Duration.between(r.getStartedAt(), end).toSeconds());
        double progress = r.getStatus().done() ? 1.0 : Math.min(0.99, elapsed / (double) r.getTimeLimitSeconds());
        Map<Long, String> codes = new HashMap<>();
        List<ProposalView> views = ps.stream().map(p -> new ProposalView(p.getAssetTag(), p.getLabel(),
                codes.computeIfAbsent(p.getDepartmentId(), this::departmentCode), p.getStartsAt(), p.getEndsAt(),
                p.getZoneId(), p.getTechnician(), p.getDueAt(), p.getPriority(), p.getLateHours(), p.isPinned(),
                p.isAccepted(), p.getRequestId(), p.getExplanation() == null || p.getExplanation().isBlank()
                ? List.of() : List.of(p.getExplanation().split("\n")))).toList();
        return new RunView(r.getPublicId(), r.getStatus().name(), r.getHorizonFrom(), r.getHorizonTo(),
                r.getTimeLimitSeconds(), r.getStartedAt(), r.getFinishedAt(), elapsed, progress, r.getHardScore(),
                r.getMediumScore(), r.getSoftScore(), r.getHardScore() != null && r.getHardScore() >= 0,
                r.getBaselineScore(), r.getTaskCount(), r.getPinnedCount(), r.getCreatedBy(), r.getMessage(), views);
    }

    private String departmentCode(long id) {
        return (String) em.createNativeQuery("SELECT code FROM department WHERE id = ?1").setParameter(1, id)
                .getSingleResult();
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .distinct().toList();
    }

    private static String join(List<String> values) {
        String s = String.join(",", values);
        return s.isEmpty() ? null : s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    private String me() {
        return currentUser.username();
    }

    private static String node() {
        try {
            return System.getProperty("jboss.node.name", InetAddress.getLocalHost().getHostName());
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
