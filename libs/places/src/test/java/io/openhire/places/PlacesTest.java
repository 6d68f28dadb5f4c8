package io.openhire.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlacesTest {

    @Test
    void readsCityRegionAndCountry() {
        assertThat(Places.find("Senior Engineer, Pune, Maharashtra"))
                .contains(new Places.Place("Pune", "Maharashtra", "IN", "Pune, Maharashtra"));
        assertThat(Places.find("Austin, TX 78701").orElseThrow().region()).isEqualTo("Texas");
        assertThat(Places.find("Berlin, Germany").orElseThrow().country()).isEqualTo("DE");
        assertThat(Places.find("London, England, United Kingdom").orElseThrow().country())
                .isEqualTo("GB");
        assertThat(Places.find("Smith, John")).isEmpty();
        assertThat(Places.find("in, on, at")).isEmpty();
    }
}
