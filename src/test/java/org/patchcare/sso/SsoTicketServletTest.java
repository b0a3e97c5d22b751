package org.patchcare.sso;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SsoTicketServletTest {

    @Test
    void reads_a_list_claim_such_as_keycloaks_groups() {
        assertThat(SsoTicketServlet.claimValues(List.of("patchcare-biomed", " patchcare-itsec "), List.of()))
                .containsExactly("patchcare-biomed", "patchcare-itsec");
    }

    @Test
    void reads_a_single_string_claim() {
        assertThat(SsoTicketServlet.claimValues("patchcare-managers", List.of())).containsExactly("patchcare-managers");
    }

    @Test
    void follows_a_dotted_path_into_nested_claims_like_realm_access_roles() {
        String claim = "realm_access.roles";
        Object realmAccess = Map.of("roles", List.of("patchcare-biomed", "offline_access"));
        assertThat(SsoTicketServlet.first(claim)).isEqualTo("realm_access");
        assertThat(SsoTicketServlet.claimValues(realmAccess, SsoTicketServlet.rest(claim)))
                .containsExactly("patchcare-biomed", "offline_access");
    }

    @Test
    void a_missing_claim_or_an_object_gives_no_values_and_values_with_line_breaks_are_dropped() {
        assertThat(SsoTicketServlet.claimValues(null, List.of())).isEmpty();
        assertThat(SsoTicketServlet.claimValues(Map.of("a", "b"), List.of())).isEmpty();
        assertThat(SsoTicketServlet.claimValues(Map.of("roles", List.of()), List.of("other"))).isEmpty();
        assertThat(SsoTicketServlet.claimValues(List.of("a\nADMIN", "b"), List.of())).containsExactly("b");
    }

    @Test
    void stores_only_the_sha256_of_the_secret() {
        assertThat(SsoTicketServlet.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
