package org.patchcare.advisories.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews.ReviewDecision;
import org.patchcare.advisories.application.ExposureViews.ReviewItem;
import org.patchcare.advisories.application.ExposureViews.ReviewOutcome;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.Locale;

/**
 * The match-review queue: advisory products that are probably, but not certainly, one of our device models. IT confirms
 * (the devices become affected) or dismisses; the answer is remembered for that model and product.
 */
@Route(value = "match-review", layout = MainLayout.class)
@PageTitle("Match review · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
public class MatchReviewView extends VerticalLayout {

    private final ExposureService exposures;
    private final Grid<ReviewItem> grid = new Grid<>();
    private final Select<String> status = new Select<>();
    private final Span count = new Span();

    @Inject
    public MatchReviewView(ExposureService exposures) {
        this.exposures = exposures;
        setSizeFull();
        H2 title = new H2("Match review");
        title.getStyle().set("margin", "0");
        count.setId("review-count");
        count.addClassName("pc-muted");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(Alignment.BASELINE);
        Paragraph hint = new Paragraph("Each row is a product an advisory names that may be one of our models. Confirm it "
                + "and the devices of that model become affected; dismiss it and PatchCare will not ask again.");
        hint.addClassName("pc-muted");
        status.setLabel("Show");
        status.setItems("PENDING", "CONFIRMED", "DISMISSED");
        status.setItemLabelGenerator(s -> switch (s) {
            case "PENDING" -> "Waiting for a decision";
            case "CONFIRMED" -> "Confirmed";
            default -> "Dismissed";
        });
        status.setValue("PENDING");
        status.setId("review-status");
        status.addValueChangeListener(e -> refresh());
        configureGrid();
        add(header, hint, status, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("review-grid");
        grid.setEmptyStateText("Nothing to review: every advisory product was either certain or clearly not ours.");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(new ComponentRenderer<>(r -> new Anchor("advisories/" + r.trackingId(), r.trackingId())))
                .setHeader("Advisory").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ReviewItem::productLabel).setHeader("The advisory names").setFlexGrow(2);
        grid.addColumn(r -> r.manufacturer() + " " + r.model() + (r.modelNumber() == null ? "" : " (" + r.modelNumber() + ")"))
                .setHeader("Our model").setFlexGrow(2);
        grid.addColumn(ReviewItem::devices).setHeader("Devices").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> String.format(Locale.ROOT, "%.0f%%", r.score().doubleValue() * 100)).setHeader("Score")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ReviewItem::reason).setHeader("Why it may match").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> exposures.reviewQueue(status.getValue(),
                new PageRequest(q.getOffset(), Math.min(q.getLimit(), PageRequest.MAX_LIMIT), null, true)).stream());
    }

    private HorizontalLayout actions(ReviewItem r) {
        if (!"PENDING".equals(r.status())) {
            return new HorizontalLayout(new Span(r.status().toLowerCase(Locale.ROOT) + " by " + r.decidedBy()
                    + (r.comment() == null ? "" : ": " + r.comment())));
        }
        Button confirm = new Button("Confirm", VaadinIcon.CHECK.create(), e -> decide(r, ReviewDecision.CONFIRM));
        confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("review-confirm");
        Button dismiss = new Button("Not this model", VaadinIcon.CLOSE_SMALL.create(), e -> decide(r, ReviewDecision.DISMISS));
        dismiss.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        dismiss.addClassName("review-dismiss");
        return new HorizontalLayout(confirm, dismiss);
    }

    private void decide(ReviewItem r, ReviewDecision d) {
        ReviewOutcome outcome = exposures.decide(r.id(), d, null, r.version());
        Notification.show(d == ReviewDecision.CONFIRM
                        ? "Confirmed: " + outcome.exposuresCreated() + " exposures recorded for " + r.model() + "."
                        : "Dismissed: PatchCare will not ask about " + r.model() + " for this product again.",
                5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void refresh() {
        long n = exposures.reviewCount(status.getValue());
        count.setText(String.format(Locale.ROOT, "%,d item%s", n, n == 1 ? "" : "s"));
        grid.getDataProvider().refreshAll();
    }
}
