package org.patchcare.patching.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import org.patchcare.shared.domain.Digests;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.InvalidInputException.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A file kept with a patch record: the vendor's service report, a photo of the version screen. Written once, never
 * changed; its SHA-256 is computed on arrival so a download can be checked against it. At most {@link #MAX_BYTES}, of
 * the types in {@link #ALLOWED_TYPES} only (documents and pictures, nothing a browser or a workstation would run).
 */
@Entity
@Table(name = "patch_attachment")
public class PatchAttachment {

    /** 10 MB: a scanned service report or a few photos. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int NAME_MAX = 255;
    /** Allowed content types and the file endings that go with them. */
    public static final Map<String, List<String>> ALLOWED_TYPES = Map.of(
            "application/pdf", List.of(".pdf"),
            "image/png", List.of(".png"),
            "image/jpeg", List.of(".jpg", ".jpeg"),
            "text/plain", List.of(".txt", ".log"),
            "text/csv", List.of(".csv"),
            "application/json", List.of(".json"));

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
    @TableGenerator(name = "ids", table = "id_generator", pkColumnName = "sequence_name",
            valueColumnName = "next_val", pkColumnValue = "patchcare", allocationSize = 100)
    private Long id;
    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(name = "patch_record_id", nullable = false, updatable = false)
    private Long patchRecordId;
    @Column(name = "file_name", nullable = false, updatable = false, length = NAME_MAX)
    private String fileName;
    @Column(name = "content_type", nullable = false, updatable = false, length = 100)
    private String contentType;
    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;
    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] content;
    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;
    @Column(name = "uploaded_by", nullable = false, updatable = false, length = 64)
    private String uploadedBy;

    protected PatchAttachment() {
    }

    public PatchAttachment(long patchRecordId, String fileName, String contentType, byte[] content, String actor,
                           Instant now) {
        String type = normalizeType(contentType);
        check(fileName, type, content);
        this.patchRecordId = patchRecordId;
        this.fileName = cleanName(fileName);
        this.contentType = type;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.sha256 = Digests.hex("SHA-256", content);
        this.uploadedAt = now;
        this.uploadedBy = actor;
    }

    /** "text/plain; charset=UTF-8" → "text/plain". */
    public static String normalizeType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** Refuses a missing name, an empty or too large file, or a type outside the allow-list, each on its field. */
    public static void check(String fileName, String contentType, byte[] content) {
        List<Violation> v = new ArrayList<>();
        String name = cleanName(fileName);
        if (name == null || name.isEmpty()) {
            v.add(new Violation("fileName", "Give the file's name."));
        } else if (name.length() > NAME_MAX) {
            v.add(new Violation("fileName", "At most " + NAME_MAX + " characters."));
        }
        String type = normalizeType(contentType);
        if (type == null || !ALLOWED_TYPES.containsKey(type)) {
            v.add(new Violation("contentType", "Files of type '" + contentType + "' are not kept; attach a PDF, a "
                    + "PNG or JPEG picture, or a text, CSV or JSON file."));
        } else if (name != null && ALLOWED_TYPES.get(type).stream()
                .noneMatch(ending -> name.toLowerCase(Locale.ROOT).endsWith(ending))) {
            v.add(new Violation("fileName", "A file of type " + type + " ends in " + String.join(" or ",
                    ALLOWED_TYPES.get(type)) + "; '" + name + "' does not."));
        }
        if (content == null || content.length == 0) {
            v.add(new Violation("file", "The file is empty."));
        } else if (content.length > MAX_BYTES) {
            v.add(new Violation("file", "The file is larger than " + (MAX_BYTES / (1024 * 1024)) + " MB, the most "
                    + "PatchCare keeps with a patch record."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    /** The name without any folder a browser or client sent with it. */
    static String cleanName(String fileName) {
        if (fileName == null) {
            return null;
        }
        String n = fileName.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).strip();
    }

    public Long getId() { return id; }
    public String getPublicId() { return publicId; }
    public Long getPatchRecordId() { return patchRecordId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public byte[] getContent() { return content.clone(); }
    public Instant getUploadedAt() { return uploadedAt; }
    public String getUploadedBy() { return uploadedBy; }
}
