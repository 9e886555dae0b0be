package dev.discreet.mockapps.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The doctor catalogue, generated deterministically (fixed seed) so that tasks can name doctors, specialties and
 * slots and every run sees the same data.
 */
public final class Catalogue {
    public static final long SEED = 20261125L;
    public static final List<String> SPECIALTIES = List.of("Cardiology", "Dermatology", "Pediatrics",
            "General practice", "Orthopedics", "Neurology", "Ophthalmology", "Psychiatry");
    public static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri");
    public static final int PER_SPECIALTY = 4;

    private static final List<String> FIRST = List.of("Amara", "Daniel", "Priya", "Mateo", "Yuki", "Fatima",
            "Liam", "Sofia", "Kwame", "Elena", "Hiroshi", "Aisha", "Noah", "Ingrid", "Rahul", "Camila", "Tomás",
            "Mei", "Olusegun", "Hannah", "Diego", "Leila", "Samuel", "Anh", "Grace", "Omar", "Nadia", "Ethan",
            "Zainab", "Lucas", "Keiko", "Isabel", "Jamal", "Freya", "Arjun", "Chloe", "Tariq", "Valentina",
            "Malik", "Rosa");
    private static final List<String> LAST = List.of("Chen", "Okafor", "Nguyen", "García", "Patel", "Johansson",
            "Kim", "Haddad", "Rossi", "Mensah", "Tanaka", "Schmidt", "Alvarez", "Novak", "Osei", "Fischer",
            "Ramirez", "Kowalski", "Brooks", "Sato", "Abdi", "Moreau", "Park", "Delgado", "Wójcik", "Bennett",
            "Iyer", "Costa", "Lindgren", "Yilmaz", "Adeyemi", "Murphy", "Reyes", "Singh", "Horvat", "Walker");
    public static final List<String> NEIGHBOURHOODS = List.of("Pearl District", "Alberta Arts", "Sellwood",
            "Hawthorne", "Nob Hill", "St. Johns", "Laurelhurst", "Buckman", "Division", "Mississippi",
            "Irvington", "Multnomah Village");
    private static final List<String> LANGUAGES = List.of("Spanish", "Vietnamese", "Mandarin", "Russian",
            "Somali", "Arabic", "French", "Korean", "Tagalog", "Japanese", "Hindi", "Portuguese");

    public record Doctor(int id, String name, String specialty, double rating, int reviews, String neighbourhood,
                         int fee, String languages, List<Slot> slots) {}

    public record Slot(int id, int doctorId, String day, String time) {
        public String label() { return day + " " + time; }
    }

    private Catalogue() {}

    public static List<Doctor> generate() {
        Random r = new Random(SEED);
        List<Doctor> doctors = new ArrayList<>();
        Set<String> firsts = new HashSet<>();
        Set<String> lasts = new HashSet<>();
        int doctorId = 0;
        int slotId = 0;
        for (String specialty : SPECIALTIES) {
            Set<Integer> ratings = new HashSet<>();
            for (int k = 0; k < PER_SPECIALTY; k++) {
                // First and last names are each used once, so any name fragment identifies one doctor.
                String first;
                do {
                    first = FIRST.get(r.nextInt(FIRST.size()));
                } while (!firsts.add(first));
                String last;
                do {
                    last = LAST.get(r.nextInt(LAST.size()));
                } while (!lasts.add(last));
                String name = "Dr. " + first + " " + last;
                int tenths;
                do {
                    tenths = 35 + r.nextInt(16); // 3.5 .. 5.0, distinct within the specialty
                } while (!ratings.add(tenths));
                int reviews = 10 + r.nextInt(891);
                String hood = NEIGHBOURHOODS.get(r.nextInt(NEIGHBOURHOODS.size()));
                int fee = 80 + 10 * r.nextInt(19); // $80 .. $260
                Set<String> langs = new LinkedHashSet<>();
                langs.add("English");
                int extra = r.nextInt(3);
                for (int i = 0; i < extra; i++) langs.add(LANGUAGES.get(r.nextInt(LANGUAGES.size())));
                int id = ++doctorId;
                int nSlots = 3 + r.nextInt(4);
                TreeSet<Integer> picked = new TreeSet<>(); // day index * 100 + half-hour index, sorted
                while (picked.size() < nSlots) picked.add(r.nextInt(DAYS.size()) * 100 + r.nextInt(19));
                List<Slot> slots = new ArrayList<>();
                for (int code : picked) {
                    int half = code % 100;
                    String time = String.format("%02d:%02d", 8 + half / 2, (half % 2) * 30); // 08:00 .. 17:00
                    slots.add(new Slot(++slotId, id, DAYS.get(code / 100), time));
                }
                doctors.add(new Doctor(id, name, specialty, tenths / 10.0, reviews, hood, fee,
                        String.join(", ", langs), List.copyOf(slots)));
            }
        }
        return List.copyOf(doctors);
    }

    /**
     * The catalogue in the suite's listing format ({@code catalogue/doctor.json}), so task generation and linting
     * read doctors like any other listing app; a test keeps the file equal to this.
     */
    public static dev.discreet.tasks.ListingCatalogue asListing(List<Doctor> doctors) {
        List<dev.discreet.tasks.ListingEntry> entries = new ArrayList<>();
        for (Doctor d : doctors) {
            List<dev.discreet.tasks.ListingEntry.Option> options = new ArrayList<>();
            for (Slot s : d.slots()) options.add(new dev.discreet.tasks.ListingEntry.Option(s.id(), s.day(), s.time()));
            entries.add(new dev.discreet.tasks.ListingEntry(d.id(), d.name(), d.specialty(), d.rating(), d.reviews(),
                    d.neighbourhood(), d.fee(), java.util.Map.of("languages", d.languages()), options));
        }
        Doctor gp = seededDoctor(doctors);
        return new dev.discreet.tasks.ListingCatalogue("doctor", SEED, entries, List.of(
                new dev.discreet.tasks.ListingCatalogue.SeededBooking(1, gp.id(), gp.slots().get(1).id(), "Annual check-up")));
    }

    /** The doctor of the seeded existing appointment: the first General practice doctor by id. */
    public static Doctor seededDoctor(List<Doctor> doctors) {
        return doctors.stream().filter(d -> d.specialty().equals("General practice")).findFirst().orElseThrow();
    }

    /** Markdown documentation of the generated catalogue, for task authors. */
    public static String markdown(List<Doctor> doctors) {
        StringBuilder sb = new StringBuilder();
        sb.append("# MediBook doctor catalogue\n\n")
          .append("Generated by `dev.discreet.mockapps.internal.Catalogue` with `new Random(").append(SEED)
          .append(")`; every run sees exactly this data. Regenerated by `CatalogueTest` (mvn -pl mock-apps test).\n\n")
          .append("Seeded appointment: id 1, status `booked`, patient = profile `full_name` / `phone`, reason ")
          .append("`Annual check-up`, for the 2nd slot of the first General practice doctor (");
        Doctor gp = seededDoctor(doctors);
        Slot s = gp.slots().get(1);
        sb.append(gp.name()).append(", slot ").append(s.id()).append(" ").append(s.label())
          .append("). That slot is therefore not offered on the detail page.\n\n");
        for (String sp : SPECIALTIES) {
            sb.append("## ").append(sp).append("\n\n")
              .append("| id | name | rating | reviews | neighbourhood | fee | languages | slots (id: day time) |\n")
              .append("|---:|---|---:|---:|---|---:|---|---|\n");
            doctors.stream().filter(d -> d.specialty().equals(sp))
                   .sorted((a, b) -> Double.compare(b.rating(), a.rating()))
                   .forEach(d -> {
                       List<String> sl = new ArrayList<>();
                       for (Slot x : d.slots()) sl.add(x.id() + ": " + x.label());
                       sb.append("| ").append(d.id()).append(" | ").append(d.name()).append(" | ")
                         .append(d.rating()).append(" | ").append(d.reviews()).append(" | ")
                         .append(d.neighbourhood()).append(" | $").append(d.fee()).append(" | ")
                         .append(d.languages()).append(" | ").append(String.join("; ", sl)).append(" |\n");
                   });
            sb.append('\n');
        }
        return sb.toString();
    }
}
