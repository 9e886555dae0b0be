package dev.discreet.tasks.families;

import dev.discreet.tasks.FieldSpec;
import dev.discreet.tasks.Level;
import dev.discreet.tasks.ListingSpec;
import java.util.List;
import java.util.Map;

/**
 * One listing domain as data: how its app looks (schema + listing spec) and how its catalogue is generated.
 *
 * @param names        name parts: entries are "{first} {second}" with each part used once per category
 * @param detail       the required free-text task field (name), e.g. "party_size"
 * @param detailValues plausible values a user gives for it
 * @param days         bookable days
 * @param firstHour    first bookable hour; options fall on the half hour up to {@code lastHour}
 * @param minPrice     price range (whole dollars, steps of 5)
 */
record Domain(String id, String appName, String icon, Level level, ListingSpec spec, List<FieldSpec> fields,
              String detail, List<String> detailValues, List<String> firstNames, List<String> secondNames,
              List<String> days, int firstHour, int lastHour, int minPrice, int maxPrice,
              String attrKey, List<String> attrValues, String verb, String what,
              Map<String, List<String>> secondByCategory) {
    Domain(String id, String appName, String icon, Level level, ListingSpec spec, List<FieldSpec> fields,
           String detail, List<String> detailValues, List<String> firstNames, List<String> secondNames,
           List<String> days, int firstHour, int lastHour, int minPrice, int maxPrice,
           String attrKey, List<String> attrValues, String verb, String what) {
        this(id, appName, icon, level, spec, fields, detail, detailValues, firstNames, secondNames, days, firstHour,
                lastHour, minPrice, maxPrice, attrKey, attrValues, verb, what, Map.of());
    }

    List<String> secondNames(String category) { return secondByCategory.getOrDefault(category, secondNames); }

    FieldSpec field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("domain " + id + " has no field " + name));
    }
}
