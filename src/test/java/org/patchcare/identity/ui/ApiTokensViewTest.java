package org.patchcare.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.identity.application.ApiTokenService;
import org.patchcare.identity.application.ApiTokenViews.CreatedToken;
import org.patchcare.identity.application.ApiTokenViews.TokenCommand;
import org.patchcare.identity.application.ApiTokenViews.TokenView;
import org.patchcare.identity.domain.Role;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The API tokens screen in a browserless UI against an in-memory token service. */
@ExtendWith(BrowserlessUi.class)
class ApiTokensViewTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final String SECRET = "pct_" + "x".repeat(43);

    private final List<TokenView> tokens = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final ApiTokenService fake = new ApiTokenService() {
        @Override
        public List<TokenView> list() {
            return List.copyOf(tokens);
        }

        @Override
        public CreatedToken create(TokenCommand cmd) {
            calls.add("create " + cmd.name() + " " + cmd.roles() + " " + cmd.expiresInDays());
            if (cmd.roles().isEmpty()) {
                throw new InvalidInputException("roles", "choose at least one role");
            }
            TokenView v = token(cmd.name(), "ACTIVE");
            tokens.add(v);
            return new CreatedToken(v, SECRET);
        }

        @Override
        public TokenView revoke(String id) {
            calls.add("revoke " + id);
            return tokens.getFirst();
        }

        @Override
        public List<Role> grantableRoles() {
            return List.of(Role.BIOMED_TECH, Role.CLINICAL_MANAGER, Role.IT_SECURITY);
        }
    };

    private ApiTokensView view;

    private static TokenView token(String name, String status) {
        return new TokenView("id-" + name, name, SECRET.substring(0, 12), Set.of(Role.IT_SECURITY), NOW, "admin",
                NOW.plusSeconds(86_400 * 90L), "REVOKED".equals(status) ? NOW : null,
                "REVOKED".equals(status) ? "admin" : null, null, null, status);
    }

    @BeforeEach
    void open() {
        view = new ApiTokensView(fake);
        UI.getCurrent().add(view);
    }

    @SuppressWarnings("unchecked")
    private Grid<TokenView> grid() {
        return _get(view, Grid.class, s -> s.withId("token-grid"));
    }

    @Test
    void a_new_token_shows_its_secret_once_then_only_its_prefix_in_the_list() {
        _click(_get(Button.class, s -> s.withId("new-token")));
        _get(TextField.class, s -> s.withId("token-name")).setValue("Nessus scanner");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, s -> s.withId("token-roles"));
        assertThat(roles.getListDataView().getItems()).doesNotContain(Role.ADMIN);
        roles.setValue(Set.of(Role.IT_SECURITY));
        _click(_get(Button.class, s -> s.withId("create-token")));

        assertThat(calls).containsExactly("create Nessus scanner [IT_SECURITY] 90");
        TextField secret = _get(TextField.class, s -> s.withId("token-secret"));
        assertThat(secret.getValue()).isEqualTo(SECRET);
        assertThat(secret.isReadOnly()).isTrue();
        assertThat(_size(grid())).isEqualTo(1);

        _click(_get(Button.class, s -> s.withId("token-copied")));
        assertThat(_find(TextField.class, s -> s.withId("token-secret"))).isEmpty();
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(SECRET);
    }

    @Test
    void a_refused_token_keeps_the_dialog_open_with_the_reason_at_the_field() {
        _click(_get(Button.class, s -> s.withId("new-token")));
        _get(TextField.class, s -> s.withId("token-name")).setValue("SIEM");
        _click(_get(Button.class, s -> s.withId("create-token")));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, s -> s.withId("token-roles"));
        assertThat(roles.isInvalid()).isTrue();
        assertThat(roles.getErrorMessage()).contains("at least one role");
        assertThat(_find(TextField.class, s -> s.withId("token-secret"))).isEmpty();
    }

    @Test
    void only_active_tokens_can_be_revoked_and_revoking_asks_first() {
        tokens.add(token("cmms", "ACTIVE"));
        tokens.add(token("old", "REVOKED"));
        view = new ApiTokensView(fake);
        UI.getCurrent().removeAll();
        UI.getCurrent().add(view);
        assertThat(((Button) _getCellComponent(grid(), 1, "revoke")).isEnabled()).isFalse();
        _click((Button) _getCellComponent(grid(), 0, "revoke"));
        assertThat(calls).isEmpty();
        _click(_get(Button.class, s -> s.withId("confirm-revoke")));
        assertThat(calls).containsExactly("revoke id-cmms");
    }
}
