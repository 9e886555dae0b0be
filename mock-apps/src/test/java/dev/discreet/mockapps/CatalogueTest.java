package dev.discreet.mockapps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.discreet.mockapps.internal.Catalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks the generated catalogue and keeps CATALOGUE.md (documentation for task authors) in sync with it. */
class CatalogueTest {
    @Test
    void catalogueIsDeterministicAndWellFormed() {
        List<Catalogue.Doctor> doctors = Catalogue.generate();
        assertThat(Catalogue.generate()).isEqualTo(doctors);
        assertThat(doctors).hasSize(32);
        assertThat(doctors.stream().map(Catalogue.Doctor::name).distinct()).hasSize(32);
        assertThat(doctors.stream().map(d -> d.name().split(" ")[1]).distinct()).hasSize(32);
        assertThat(doctors.stream().map(d -> d.name().substring(d.name().indexOf(' ', 4) + 1)).distinct()).hasSize(32);
        Map<String, List<Catalogue.Doctor>> bySpecialty = doctors.stream()
                .collect(Collectors.groupingBy(Catalogue.Doctor::specialty));
        assertThat(bySpecialty).hasSize(8);
        bySpecialty.values().forEach(ds -> {
            assertThat(ds).hasSize(4);
            assertThat(ds.stream().map(Catalogue.Doctor::rating).distinct()).hasSize(4);
        });
        for (Catalogue.Doctor d : doctors) {
            assertThat(d.rating()).isBetween(3.5, 5.0);
            assertThat(d.reviews()).isBetween(10, 900);
            assertThat(d.fee()).isBetween(80, 260);
            assertThat(d.slots()).hasSizeBetween(3, 6);
            assertThat(d.slots().stream().map(Catalogue.Slot::label).distinct()).hasSize(d.slots().size());
            d.slots().forEach(s -> assertThat(s.time()).matches("(0[89]|1[0-6]):[03]0|17:00"));
        }
    }

    /** The suite's catalogue/doctor.json (what task generation and the linter read) is exactly the app's data. */
    @Test
    void suiteDoctorCatalogueMatchesTheApp() throws Exception {
        dev.discreet.tasks.ListingCatalogue expected = Catalogue.asListing(Catalogue.generate());
        if (Boolean.getBoolean("discreet.regenerate")) {
            Path file = Path.of("../tasks/src/main/resources/discreet-suite/catalogue/doctor.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, dev.discreet.tasks.families.SuiteGenerator.json(expected), StandardCharsets.UTF_8);
        }
        assertThat(dev.discreet.tasks.SuiteLoader.canonical().catalogue("doctor")).contains(expected);
    }

    @Test
    void writesCatalogueMarkdown() throws Exception {
        String md = Catalogue.markdown(Catalogue.generate());
        Path file = Path.of("CATALOGUE.md");
        Files.writeString(file, md, StandardCharsets.UTF_8);
        assertThat(Files.readString(file)).contains("## General practice", "Seeded appointment");
    }
}
