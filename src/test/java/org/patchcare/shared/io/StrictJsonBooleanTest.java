package org.patchcare.shared.io;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.patchcare.inventory.application.DeviceCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonBooleanTest {

    private final Jsonb jsonb = JsonbBuilder.create();

    @Test
    void a_device_body_takes_true_and_false_for_its_flags() {
        DeviceCommand c = jsonb.fromJson("{\"redundant\":true,\"storesPhi\":false}", DeviceCommand.class);

        assertThat(c.isRedundant()).isTrue();
        assertThat(c.isStoresPhi()).isFalse();
        assertThat(jsonb.fromJson("{}", DeviceCommand.class).isRedundant()).as("left out means no").isFalse();
    }

    @Test
    void a_device_body_with_text_for_a_flag_is_refused_naming_the_property_instead_of_read_as_false() {
        assertThatThrownBy(() -> jsonb.fromJson("{\"redundant\":\"spare in store\"}", DeviceCommand.class))
                .isInstanceOf(JsonbException.class).hasMessageContaining("redundant");
        assertThatThrownBy(() -> jsonb.fromJson("{\"storesPhi\":\"yes\"}", DeviceCommand.class))
                .isInstanceOf(JsonbException.class).hasMessageContaining("storesPhi");
    }
}
