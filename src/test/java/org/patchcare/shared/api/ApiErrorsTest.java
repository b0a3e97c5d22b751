package org.patchcare.shared.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;

import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiErrorsTest {

    enum Colour { RED, GREEN }

    @Test
    void invalid_input_is_422_and_names_each_field() {
        Problem p = ApiErrors.classify(new InvalidInputException(List.of(
                new InvalidInputException.Violation("department", "no department with code 'XX'"),
                new InvalidInputException.Violation("model", "no model 'Foo' of Philips"))), "ref");

        assertThat(p.status()).isEqualTo(422);
        assertThat(p.type()).isEqualTo(ApiErrors.INVALID_INPUT);
        assertThat(p.errors()).extracting(Problem.FieldError::field).containsExactly("department", "model");
        assertThat(p.errors().getFirst().message()).isEqualTo("no department with code 'XX'");
        assertThat(p.detail()).contains("department").contains("model");
    }

    @Test
    void unknown_thing_is_404_conflict_is_409_and_a_broken_rule_is_409_of_its_own_type() {
        assertThat(ApiErrors.classify(new NotFoundException("Device", "X-1"), "r"))
                .satisfies(p -> assertThat(p.status()).isEqualTo(404))
                .satisfies(p -> assertThat(p.detail()).isEqualTo("Device 'X-1' was not found."));
        assertThat(ApiErrors.classify(ConflictException.staleEdit("Device", "X-1"), "r"))
                .satisfies(p -> assertThat(p.status()).isEqualTo(409))
                .satisfies(p -> assertThat(p.type()).isEqualTo(ApiErrors.CONFLICT));
        assertThat(ApiErrors.classify(new DomainException("Device X-1 is retired; you cannot move it."), "r"))
                .satisfies(p -> assertThat(p.status()).isEqualTo(409))
                .satisfies(p -> assertThat(p.type()).isEqualTo(ApiErrors.RULE_VIOLATED))
                .satisfies(p -> assertThat(p.detail()).contains("retired"));
    }

    @Test
    void a_role_that_may_not_call_the_service_is_403() {
        Problem p = ApiErrors.classify(new EJBAccessException("WFLYEJB0364: Invocation on method ... is not allowed"), "r");
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.detail()).doesNotContain("WFLYEJB");
    }

    @Test
    void exceptions_wrapped_by_the_ejb_container_are_judged_by_their_cause() {
        EJBException wrapped = new EJBException(new ConflictException("A device with asset tag X-1 already exists."));
        assertThat(ApiErrors.classify(wrapped, "r").status()).isEqualTo(409);
    }

    @Test
    void a_lost_database_connection_is_503_database_unavailable() {
        SQLException down = new SQLException("Communications link failure", "08S01");
        Throwable t = new EJBTransactionRolledbackException("rolled back",
                new PersistenceException("could not prepare statement", down));

        Problem p = ApiErrors.classify(t, "r");

        assertThat(p.status()).isEqualTo(503);
        assertThat(p.type()).isEqualTo(ApiErrors.DATABASE_UNAVAILABLE);
        assertThat(p.title()).isEqualTo("Database unavailable");
    }

    @Test
    void anything_else_is_500_with_a_reference_and_nothing_from_inside() {
        Problem p = ApiErrors.classify(new EJBException(new NullPointerException("secret internals at Foo.java:42")), "ab12cd34");

        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).contains("ab12cd34").doesNotContain("secret").doesNotContain("NullPointer");
        assertThat(p.errors()).isNull();
    }

    @Test
    void malformed_json_is_400_with_its_position() {
        JsonParsingException broken = catchThrowableOfType(JsonParsingException.class,
                () -> Json.createReader(new StringReader("{\"assetTag\": ")).readObject());
        Throwable t = new ProcessingException("RESTEASY008200: JSON Binding deserialization error: " + broken,
                new JsonbException("Internal error: " + broken.getMessage(), broken));

        Problem p = ApiErrors.classify(t, "r");

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.type()).isEqualTo(ApiErrors.MALFORMED_REQUEST);
        assertThat(p.detail()).contains("not well-formed JSON").contains("line 1");
    }

    @Test
    void a_wrong_enum_value_is_400_naming_the_field_and_the_allowed_values() {
        IllegalArgumentException cause = new IllegalArgumentException(
                "No enum constant " + Colour.class.getName() + ".PURPLE");
        Throwable t = new ProcessingException("RESTEASY008200: JSON Binding deserialization error: x",
                new JsonbException("Unable to deserialize property 'colour' because of: " + cause.getMessage(), cause));

        Problem p = ApiErrors.classify(t, "r");

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("colour");
            assertThat(e.message()).isEqualTo("'PURPLE' is not one of RED, GREEN");
        });
    }

    record Paint(String name, Colour colour) {
    }

    @Test
    void a_wrong_enum_value_without_property_name_is_traced_to_the_field_of_the_body_type() {
        IllegalArgumentException cause = new IllegalArgumentException(
                "No enum constant " + Colour.class.getName() + ".PURPLE");
        Throwable t = new ProcessingException("RESTEASY008200: JSON Binding deserialization error: x",
                new JsonbException("Internal error: " + cause.getMessage(), cause));

        Problem p = ApiErrors.classify(t, "r", Paint.class);

        assertThat(p.status()).isEqualTo(400);
        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("colour"));
    }

    @Test
    void the_401_body_is_a_json_problem() {
        String json = ApiErrors.toJson(ApiErrors.unauthorized().withInstance("/api/v1/devices"));
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        assertThat(o.getInt("status")).isEqualTo(401);
        assertThat(o.getString("instance")).isEqualTo("/api/v1/devices");
        assertThat(o.getString("detail")).contains("HTTP Basic");
    }
}
