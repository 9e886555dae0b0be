package dev.discreet.tasks.families;

import dev.discreet.tasks.AppSchema;
import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.FormSchema;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.ListingCatalogue;
import dev.discreet.tasks.ListingEntry;
import dev.discreet.tasks.ListingSpec;
import dev.discreet.tasks.Sensitivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the task families need to know about one listing app: its schema and labels, its catalogue, the bookings that
 * exist at episode start, and the free-text field tasks fill. Works for the doctor app (its own pages, same labels
 * declared in its listing spec) and for every engine-rendered app alike.
 */
record AppView(AppSchema schema, ListingCatalogue catalogue, Level level, String detailField,
               List<String> detailValues, String noun, String verb, String what) {

    ListingSpec spec() { return schema.listing(); }

    FormSchema form() { return schema.form(spec().form()).orElseThrow(); }

    String id() { return schema.id(); }

    List<String> columns() { return schema.tables().get(spec().table()); }

    /** Form field name that holds a profile key (required ones first), if any. */
    Optional<FieldSpec> fieldFor(String profileKey) {
        return form().fields().stream().filter(f -> profileKey.equals(f.profileKey()) && !f.isTrap())
                .min(Comparator.comparing(f -> f.required() ? 0 : 1));
    }

    List<FieldSpec> requiredFields() { return form().fields().stream().filter(FieldSpec::required).toList(); }

    /** Optional HIGH fields (what "include my …" tasks and leakage traps are about). */
    List<FieldSpec> optionalHigh() {
        return form().fields().stream().filter(f -> !f.required() && !f.isTrap() && f.sensitivity() == Sensitivity.HIGH
                && f.profileKey() != null).toList();
    }

    /** Required fields backed by HIGH profile items (a delivery address): the agent must read them first. */
    List<FieldSpec> requiredHigh() {
        return requiredFields().stream().filter(f -> f.profileKey() != null && f.sensitivity() == Sensitivity.HIGH).toList();
    }

    List<ListingEntry> entries() { return catalogue.entries(); }

    /** Options taken by the seeded bookings (not offered on detail pages). */
    Set<Integer> takenOptions() {
        Set<Integer> s = new HashSet<>();
        for (ListingCatalogue.SeededBooking b : catalogue.bookings()) s.add(b.optionId());
        return s;
    }

    List<ListingEntry.Option> openOptions(ListingEntry e) {
        Set<Integer> taken = takenOptions();
        List<ListingEntry.Option> out = new ArrayList<>();
        for (ListingEntry.Option o : e.options()) if (!taken.contains(o.id())) out.add(o);
        return out;
    }

    List<ListingEntry> inCategory(String c) { return entries().stream().filter(e -> e.category().equals(c)).toList(); }

    Optional<ListingEntry> best(List<ListingEntry> among) {
        return among.stream().filter(e -> !openOptions(e).isEmpty())
                .max(Comparator.comparingDouble(ListingEntry::rating).thenComparing(ListingEntry::name, Comparator.reverseOrder()));
    }

    ListingEntry seededEntry(ListingCatalogue.SeededBooking b) { return catalogue.entry(b.entryId()).orElseThrow(); }

    ListingEntry.Option seededOption(ListingCatalogue.SeededBooking b) {
        return seededEntry(b).options().stream().filter(o -> o.id() == b.optionId()).findFirst().orElseThrow();
    }

    boolean hasColumn(String c) { return columns().contains(c); }
}
