package org.patchcare.advisories.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.advisories.application.FeedImportListener;
import org.patchcare.advisories.application.ThreatFeedService;
import org.patchcare.advisories.application.ThreatFeedViews.CveIntel;
import org.patchcare.advisories.application.ThreatFeedViews.Feed;
import org.patchcare.advisories.application.ThreatFeedViews.FeedImportResult;
import org.patchcare.advisories.application.ThreatFeedViews.FeedStatus;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;
import org.patchcare.shared.ui.UserMessage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where IT security loads CISA's KEV catalogue and FIRST's EPSS file, sees which versions are loaded, and looks up a
 * CVE. A load runs in the background with a progress bar; a refused file shows every reason.
 */
@Route(value = "threat-feeds", layout = MainLayout.class)
@PageTitle("Threat feeds · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
public class ThreatFeedsView extends VerticalLayout {

    static final int POLL_MILLIS = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final ThreatFeedService feeds;
    private final Map<Feed, FeedCard> cards = new EnumMap<>(Feed.class);
    private final Div answer = new Div();

    @Inject
    public ThreatFeedsView(ThreatFeedService feeds) {
        this.feeds = feeds;
        Paragraph help = new Paragraph("Known exploitation (CISA KEV) and the likelihood of exploitation (FIRST EPSS) "
                + "raise the priority of a vulnerability. Load the newest files here: the KEV catalogue as JSON "
                + "(known_exploited_vulnerabilities.json), the EPSS daily file as CSV, plain or gzipped. "
                + "A file with any problem changes nothing; an older file than the one loaded is refused.");
        help.addClassName("pc-muted");
        FlexLayout row = new FlexLayout();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-l)");
        for (Feed f : Feed.values()) {
            FeedCard card = new FeedCard(f);
            cards.put(f, card);
            row.add(card);
        }

        TextField cve = new TextField("Look up a CVE");
        cve.setId("cve-lookup");
        cve.setPlaceholder("CVE-2019-0708");
        cve.setMaxLength(20);
        Button find = new Button("Look up", VaadinIcon.SEARCH.create(), e -> lookUp(cve.getValue()));
        find.setId("cve-lookup-button");
        cve.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> lookUp(cve.getValue()));
        HorizontalLayout lookUp = new HorizontalLayout(cve, find);
        lookUp.setAlignItems(Alignment.BASELINE);
        answer.setId("cve-answer");

        add(new H2("Threat feeds"), help, row, new H3("What the feeds say about a CVE"), lookUp, answer);
        refresh();
    }

    private void refresh() {
        Map<Feed, FeedStatus> status = new EnumMap<>(Feed.class);
        feeds.status().forEach(s -> status.put(s.feed(), s));
        cards.forEach((f, card) -> card.show(status.get(f)));
    }

    private void lookUp(String text) {
        answer.removeAll();
        CveIntel intel = feeds.intel(text).orElseThrow(() ->
                new InvalidInputException("cve", "'" + text.strip() + "' is not a CVE id; write it as CVE-YYYY-NNNN"));
        if (intel.kev() == null && intel.epss() == null) {
            answer.add(new Paragraph(intel.cveId() + " is in neither feed: not known to be exploited, and no EPSS score loaded."));
            return;
        }
        if (intel.kev() != null) {
            var k = intel.kev();
            Span badge = new Span(k.inCatalog() ? "Known exploited" : "Withdrawn from KEV");
            badge.getElement().getThemeList().add("badge " + (k.inCatalog() ? "error" : "contrast"));
            answer.add(new Paragraph(badge, new Span(" " + intel.cveId() + ": " + k.vulnerabilityName() + " (" + k.vendorProject()
                    + " " + k.product() + "). Added " + k.dateAdded() + (k.dueDate() == null ? "" : ", federal due date " + k.dueDate())
                    + (k.ransomwareKnown() ? ". Used in ransomware campaigns." : "."))));
            if (k.requiredAction() != null) {
                Paragraph action = new Paragraph("CISA's required action: " + k.requiredAction());
                action.addClassName("pc-muted");
                answer.add(action);
            }
        } else {
            answer.add(new Paragraph(intel.cveId() + " is not in the KEV catalogue."));
        }
        if (intel.epss() != null) {
            var s = intel.epss();
            answer.add(new Paragraph(String.format(Locale.ROOT, "EPSS %.1f %% chance of exploitation in the next 30 days "
                            + "(higher than %.0f %% of all CVEs), model %s of %s.", s.epss().doubleValue() * 100,
                    s.percentile().doubleValue() * 100, s.modelVersion(), s.scoreDate())));
        } else {
            answer.add(new Paragraph("No EPSS score loaded for " + intel.cveId() + "."));
        }
    }

    /** One feed: what is loaded, an upload, a progress bar while a file loads, and the problems of a refused file. */
    private final class FeedCard extends VerticalLayout {
        private final Feed feed;
        private final Span loaded = new Span();
        private final Upload upload;
        private final ProgressBar progress = new ProgressBar();
        private final Span progressText = new Span();
        private final Div problems = new Div();

        FeedCard(Feed feed) {
            this.feed = feed;
            String id = feed.name().toLowerCase(Locale.ROOT);
            setId("feed-" + id);
            addClassName("pc-card");
            setWidth("28rem");
            setPadding(true);
            loaded.setId("feed-" + id + "-status");
            upload = new Upload(UploadHandler.toTempFile(this::uploaded));
            upload.setId("feed-" + id + "-upload");
            upload.setMaxFiles(1);
            org.patchcare.shared.ui.UploadLimits.limit(upload, feed == Feed.KEV
                    ? org.patchcare.advisories.application.KevCatalogReader.MAX_BYTES
                    : org.patchcare.advisories.application.EpssFileReader.maxBytes());
            upload.setAcceptedFileTypes(feed == Feed.KEV ? new String[]{".json", "application/json"}
                    : new String[]{".csv", ".gz", "text/csv", "application/gzip"});
            upload.setDropAllowed(true);
            upload.addFileRejectedListener(e -> Notification.show(e.getErrorMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
            progress.setVisible(false);
            progress.setId("feed-" + id + "-progress");
            progressText.addClassName("pc-muted");
            problems.setId("feed-" + id + "-problems");
            add(new H3(feed.label()), loaded, upload, progress, progressText, problems);
        }

        void show(FeedStatus s) {
            loaded.setText(s == null ? "Nothing loaded yet."
                    : "Loaded: " + s.version() + " (released " + DAY.format(s.released()) + "), "
                    + String.format(Locale.ROOT, "%,d", s.entries()) + " entries. Loaded by " + s.importedBy() + " on "
                    + WHEN.format(s.importedAt()) + ".");
        }

        private void uploaded(UploadMetadata meta, File file) {
            UI ui = getUI().orElseThrow();
            ui.access(() -> {
                upload.clearFileList();
                upload.setVisible(false);
                problems.removeAll();
                progress.setVisible(true);
                progress.setIndeterminate(true);
                progressText.setText("Loading " + meta.fileName() + " …");
                ui.setPollInterval(POLL_MILLIS);
                feeds.importInBackground(feed, file.toPath(), new FeedImportListener() {
                    @Override
                    public void progress(long rows) {
                        ui.access(() -> progressText.setText(String.format(Locale.ROOT, "Loading %s: %,d rows",
                                meta.fileName(), rows)));
                    }

                    @Override
                    public void finished(FeedImportResult result) {
                        ui.access(() -> {
                            done(ui, file);
                            refresh();
                            Notification.show(result.summary(), 6000, Notification.Position.BOTTOM_START)
                                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        });
                    }

                    @Override
                    public void failed(RuntimeException problem) {
                        ui.access(() -> {
                            done(ui, file);
                            if (problem instanceof InvalidInputException invalid) {
                                problems.add(new Paragraph(meta.fileName() + " was not loaded; nothing changed:"));
                                invalid.violations().forEach(v -> problems.add(new Paragraph(v.field() + ": " + v.message())));
                            } else {
                                problems.add(new Paragraph(UserMessage.of(problem).text()));
                            }
                            problems.getChildren().forEach(c -> c.getElement().getClassList().add("pc-error-text"));
                        });
                    }
                });
            });
        }

        private void done(UI ui, File file) {
            ui.setPollInterval(-1);
            progress.setVisible(false);
            progressText.setText("");
            upload.setVisible(true);
            try {
                Files.deleteIfExists(file.toPath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
