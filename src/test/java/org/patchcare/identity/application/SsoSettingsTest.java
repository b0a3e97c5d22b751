package org.patchcare.identity.application;

import org.junit.jupiter.api.Test;
import org.patchcare.identity.domain.Role;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsoSettingsTest {

    private static Map<String, String> on(String roles) {
        return Map.of("PATCHCARE_OIDC_ENABLED", "true", "PATCHCARE_OIDC_ROLES", roles);
    }

    @Test
    void sso_is_off_without_the_switch_whatever_else_is_set() {
        SsoSettings s = SsoSettings.parse(Map.of("PATCHCARE_OIDC_ROLES", "admins:ADMIN",
                "PATCHCARE_OIDC_PROVIDER_URL", "https://idp.example/realms/x"));
        assertThat(s.enabled()).isFalse();
        assertThat(s.rolesFor(List.of("admins"))).isEmpty();
    }

    @Test
    void maps_groups_to_roles_and_a_group_may_give_several_roles() {
        SsoSettings s = SsoSettings.parse(on("patchcare-biomed:BIOMED_TECH, patchcare-managers:CLINICAL_MANAGER,"
                + "patchcare-leads:BIOMED_TECH,patchcare-leads:it_security"));
        assertThat(s.enabled()).isTrue();
        assertThat(s.displayName()).isEqualTo("single sign-on");
        assertThat(s.rolesFor(List.of("patchcare-biomed"))).containsExactly(Role.BIOMED_TECH);
        assertThat(s.rolesFor(List.of("patchcare-leads"))).containsExactlyInAnyOrder(Role.BIOMED_TECH, Role.IT_SECURITY);
        assertThat(s.rolesFor(List.of("patchcare-biomed", "patchcare-managers", "other")))
                .containsExactlyInAnyOrder(Role.BIOMED_TECH, Role.CLINICAL_MANAGER);
    }

    @Test
    void grants_nothing_for_unmapped_groups_and_never_admin_unless_mapped() {
        SsoSettings s = SsoSettings.parse(on("patchcare-biomed:BIOMED_TECH"));
        assertThat(s.rolesFor(List.of("admins", "ADMIN", "patchcare-admins", "Patchcare-Biomed"))).isEmpty();
        assertThat(s.rolesFor(List.of())).isEmpty();
        assertThat(SsoSettings.parse(on("it-admins:ADMIN")).rolesFor(List.of("it-admins"))).isEqualTo(Set.of(Role.ADMIN));
    }

    @Test
    void group_names_with_colons_keep_everything_before_the_last_colon() {
        SsoSettings s = SsoSettings.parse(on("urn:hospital:biomed:BIOMED_TECH"));
        assertThat(s.rolesFor(List.of("urn:hospital:biomed"))).containsExactly(Role.BIOMED_TECH);
    }

    @Test
    void the_display_name_names_the_provider_on_the_button() {
        Map<String, String> env = Map.of("PATCHCARE_OIDC_ENABLED", "TRUE", "PATCHCARE_OIDC_ROLES", "g:ADMIN",
                "PATCHCARE_OIDC_DISPLAY_NAME", " Keycloak ");
        assertThat(SsoSettings.parse(env).displayName()).isEqualTo("Keycloak");
    }

    @Test
    void rejects_unknown_roles_naming_the_valid_ones() {
        assertThatThrownBy(() -> SsoSettings.parse(on("patchcare-biomed:BIOMED")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown role 'BIOMED'").hasMessageContaining("BIOMED_TECH, CLINICAL_MANAGER");
    }

    @Test
    void rejects_entries_without_a_role_and_an_empty_mapping() {
        assertThatThrownBy(() -> SsoSettings.parse(on("patchcare-biomed")))
                .hasMessageContaining("'patchcare-biomed' is not of the form group:ROLE");
        assertThatThrownBy(() -> SsoSettings.parse(on("patchcare-biomed:")))
                .hasMessageContaining("is not of the form group:ROLE");
        assertThatThrownBy(() -> SsoSettings.parse(on(" , ")))
                .hasMessageContaining("PATCHCARE_OIDC_ROLES is empty");
    }

    @Test
    void rejects_a_switch_that_is_neither_true_nor_false() {
        assertThatThrownBy(() -> SsoSettings.parse(Map.of("PATCHCARE_OIDC_ENABLED", "yes")))
                .hasMessageContaining("PATCHCARE_OIDC_ENABLED must be true or false");
    }

    @Test
    void the_login_page_message_codes_round_trip_and_unknown_codes_mean_an_invalid_ticket() {
        for (SsoLoginOutcome.Result r : SsoLoginOutcome.Result.values()) {
            assertThat(SsoLoginOutcome.Result.ofCode(r.code())).isEqualTo(r);
        }
        assertThat(SsoLoginOutcome.Result.ofCode("<script>")).isEqualTo(SsoLoginOutcome.Result.INVALID_TICKET);
        assertThat(SsoLoginOutcome.Result.NO_ROLE.code()).isEqualTo("no-role");
    }
}
