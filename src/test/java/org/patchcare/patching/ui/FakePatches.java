package org.patchcare.patching.ui;

import org.patchcare.inventory.application.PageRequest;
import org.patchcare.patching.application.PatchFilter;
import org.patchcare.patching.application.PatchService;
import org.patchcare.patching.application.PatchViews.AttachmentContent;
import org.patchcare.patching.application.PatchViews.AttachmentView;
import org.patchcare.patching.application.PatchViews.DeviceWork;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.application.PatchViews.RequestWork;
import org.patchcare.patching.application.UnplannedCommand;
import org.patchcare.patching.domain.PatchAttachment;
import org.patchcare.patching.domain.PatchResult;
import org.patchcare.patching.domain.PatchStatus;
import org.patchcare.patching.domain.PatchWork;
import org.patchcare.shared.domain.ConflictException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The patch service answering from memory: a request with devices, their records, and the calls the screens made.
 * Refusals come from the real domain rules ({@link PatchWork#check}, the attachment checks); {@link #stale} makes the
 * next write a stale edit.
 */
public final class FakePatches {

    public static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    public final List<String> calls = new ArrayList<>();
    public final Map<String, PatchRecordView> records = new LinkedHashMap<>();
    public final List<String> devices = new ArrayList<>();
    public final List<AttachmentView> attachments = new ArrayList<>();
    public final Map<String, byte[]> contents = new LinkedHashMap<>();
    public String requestStatus = "SCHEDULED";
    public boolean stale;
    public PatchWork lastWork;
    public UnplannedCommand lastUnplanned;

    public FakePatches(String... assetTags) {
        devices.addAll(List.of(assetTags));
    }

    static PatchRecordView record(String tag, PatchStatus status, PatchWork w, int version) {
        return new PatchRecordView("p-" + tag, "cr-1", "CR-0001", tag, "Alaris 8015", "ICU", false, status,
                w == null ? null : w.action(), w == null ? "12.1.2" : w.fromVersion(), w == null ? null : w.toVersion(),
                w == null ? null : w.controlApplied(), w == null ? null : w.vendorEngineer(), w == null ? null : w.notes(),
                w == null ? null : w.result(), NOW, "biomed", w == null ? null : NOW, w == null ? null : "biomed", null,
                null, status == PatchStatus.VERIFIED ? NOW : null, status == PatchStatus.VERIFIED ? "biomed" : null, null,
                null, null, null, 0, version, actions(status));
    }

    static Set<String> actions(PatchStatus s) {
        Set<String> out = new TreeSet<>(Set.of("attach"));
        if (s.canBecome(PatchStatus.RECORDED)) out.add("record");
        if (s.canBecome(PatchStatus.VERIFIED)) out.add("verify");
        if (s.canBecome(PatchStatus.ROLLED_BACK)) out.add("roll-back");
        return out;
    }

    private void write(String what) {
        if (stale) {
            stale = false;
            throw ConflictException.staleEdit("Patch record of", what);
        }
        calls.add(what);
    }

    public final PatchService service = new PatchService() {
        @Override
        public RequestWork work(String changeRequestId) {
            boolean startable = requestStatus.equals("SCHEDULED") || requestStatus.equals("IN_PROGRESS");
            return new RequestWork(changeRequestId, "CR-0001", requestStatus, devices.stream().map(tag -> {
                PatchRecordView r = records.get(tag);
                return new DeviceWork(tag, "Alaris 8015", r == null || r.status().isFinal() ? "IN_SERVICE"
                        : "OUT_OF_SERVICE", r, r == null ? (startable ? Set.of("start") : Set.of()) : r.allowedActions());
            }).toList());
        }

        @Override
        public PatchRecordView start(String changeRequestId, String assetTag, String comment) {
            write("start " + assetTag);
            requestStatus = "IN_PROGRESS";
            PatchRecordView r = FakePatches.record(assetTag, PatchStatus.IN_PROGRESS, null, 0);
            records.put(assetTag, r);
            return r;
        }

        @Override
        public PatchRecordView record(String id, int version, PatchWork work) {
            String tag = id.substring(2);
            if (stale) {
                write(tag);
            }
            work.check();
            write("record " + tag + "@" + version);
            lastWork = work;
            PatchRecordView r = FakePatches.record(tag, work.result() == PatchResult.FAILED ? PatchStatus.FAILED
                    : PatchStatus.RECORDED, work.withFromVersion("12.1.2"), version + 1);
            records.put(tag, r);
            return r;
        }

        @Override
        public PatchRecordView verify(String id, int version, String functionalCheck, boolean returnedToService) {
            String tag = id.substring(2);
            write("verify " + tag + "@" + version + " " + functionalCheck + " " + returnedToService);
            PatchRecordView r = FakePatches.record(tag, PatchStatus.VERIFIED, lastWork, version + 1);
            records.put(tag, r);
            if (records.size() == devices.size() && records.values().stream()
                    .allMatch(x -> x.status() == PatchStatus.VERIFIED)) {
                requestStatus = "COMPLETED";
            }
            return r;
        }

        @Override
        public PatchRecordView rollBack(String id, int version, String restored, String notes) {
            String tag = id.substring(2);
            write("roll-back " + tag + "@" + version + " " + restored);
            PatchRecordView r = FakePatches.record(tag, PatchStatus.ROLLED_BACK, lastWork, version + 1);
            records.put(tag, r);
            return r;
        }

        @Override
        public PatchRecordView recordUnplanned(String assetTag, UnplannedCommand command) {
            lastUnplanned = command;
            org.patchcare.patching.domain.PatchRecord.unplanned(1, assetTag, command.work(), command.performedAt(),
                    command.functionalCheck(), command.verifiedAt(), "biomed", NOW);
            write("unplanned " + assetTag);
            return FakePatches.record(assetTag, PatchStatus.VERIFIED, command.work(), 0);
        }

        @Override
        public AttachmentView addAttachment(String id, String fileName, String contentType, byte[] content) {
            PatchAttachment a = new PatchAttachment(1, fileName, contentType, content, "biomed", NOW);
            write("attach " + fileName);
            AttachmentView v = new AttachmentView("a" + (attachments.size() + 1), id, a.getFileName(),
                    a.getContentType(), a.getSizeBytes(), a.getSha256(), NOW, "biomed");
            attachments.add(v);
            contents.put(v.id(), content);
            return v;
        }

        @Override
        public List<AttachmentView> attachments(String id) {
            return List.copyOf(attachments);
        }

        @Override
        public AttachmentContent attachment(String id, String attachmentId) {
            AttachmentView v = attachments.stream().filter(a -> a.id().equals(attachmentId)).findFirst().orElseThrow();
            return new AttachmentContent(v, contents.get(attachmentId));
        }

        @Override
        public List<PatchRecordView> list(PatchFilter filter, PageRequest page) {
            return records.values().stream().filter(r -> filter.assetTag() == null
                    || filter.assetTag().equals(r.assetTag())).skip(page.offset()).limit(page.limit()).toList();
        }

        @Override
        public long count(PatchFilter filter) {
            return records.values().stream().filter(r -> filter.assetTag() == null
                    || filter.assetTag().equals(r.assetTag())).count();
        }
    };
}
