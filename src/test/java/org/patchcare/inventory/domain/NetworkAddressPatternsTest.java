package org.patchcare.inventory.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The address patterns the device form, the API and the CSV import validate with (via Bean Validation). */
class NetworkAddressPatternsTest {

    private static final Pattern IP = Pattern.compile(Device.IP_PATTERN);
    private static final Pattern HOST = Pattern.compile(Device.HOSTNAME_PATTERN);
    private static final Pattern MAC = Pattern.compile(Device.MAC_PATTERN);

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.1", "172.29.4.21", "255.255.255.255", "0.0.0.0", "fe80::1", "2001:db8::8a2e:370:7334",
            "::ffff:192.168.0.1", "::1"})
    void accepts_ipv4_and_ipv6_addresses(String address) {
        assertThat(IP.matcher(address).matches()).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.300.1", "999.1.2.3.4.5", "10.0.0.256", "10.0.0", "1.2.3.4.", "abc", "12", "10.0.0.1/24",
            "fe80::zz", " 10.0.0.1"})
    void refuses_what_is_not_an_ip_address(String address) {
        assertThat(IP.matcher(address).matches()).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"icu-mon-01", "icu-mon-01.hospital.local", "PACS01"})
    void accepts_host_names(String host) {
        assertThat(HOST.matcher(host).matches()).as(host).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a hostname!", "-lead.example", "a..b", "host_name"})
    void refuses_what_is_not_a_host_name(String host) {
        assertThat(HOST.matcher(host).matches()).as(host).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e"})
    void accepts_mac_addresses(String mac) {
        assertThat(MAC.matcher(mac).matches()).as(mac).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:1A:2B:3C:4D", "00:1A:2B:3C:4D:5G", "001A2B3C4D5E0"})
    void refuses_what_is_not_a_mac_address(String mac) {
        assertThat(MAC.matcher(mac).matches()).as(mac).isFalse();
    }
}
