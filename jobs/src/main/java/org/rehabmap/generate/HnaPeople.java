package org.rehabmap.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The people who have Holistic Needs Assessments. A person's attributes are a pure function of
 * (seed, person number), so a person seen again months later is the same person without any
 * table of people in memory. Where people live follows the number living with cancer, a little
 * more where services are better (more HNAs get done there); about 3% live outside London
 * (E06/E07 codes of neighbouring districts, which ingest keeps as 'unknown').
 */
final class HnaPeople {
    record Person(
            long id,
            String nhsNumber,
            BoroughProfile borough,
            String residenceCode,
            String ageBand,
            String sex,
            String tumourGroup,
            Provider provider) {}

    /** Real ONS codes of districts around London (not London boroughs). */
    static final List<String> OUTSIDE_LONDON = List.of(
            "E07000072",
            "E07000242",
            "E07000095",
            "E07000098",
            "E07000107",
            "E07000111",
            "E07000207",
            "E07000215",
            "E06000039",
            "E07000066",
            "E06000034",
            "E07000213");

    private static final double[] AGE_WEIGHTS = {6, 25, 25, 27, 17};
    private static final double[] TUMOUR_WEIGHTS = {30, 10, 12, 4, 15, 4, 6, 8, 2, 3, 1, 5};

    private final long seed;
    private final World world;
    private final NhsNumbers nhsNumbers;
    private final double[] boroughWeights;
    private final List<Provider[]> providersByBorough = new ArrayList<>();
    private final List<double[]> providerWeightsByBorough = new ArrayList<>();

    HnaPeople(World world, NhsNumbers nhsNumbers, long seed) {
        this.seed = seed;
        this.world = world;
        this.nhsNumbers = nhsNumbers;
        this.boroughWeights = world.boroughs.stream()
                .mapToDouble(b -> b.peopleWithCancer() * Math.sqrt(b.serviceLevel()))
                .toArray();
        for (BoroughProfile b : world.boroughs) {
            List<Provider> ps = new ArrayList<>();
            List<Double> ws = new ArrayList<>();
            for (Provider p : world.providers) {
                long covering = p.services().stream()
                        .filter(s -> s.boroughs().contains(b.code()))
                        .count();
                if (covering > 0) {
                    ps.add(p);
                    ws.add(covering * typeWeight(p.type()));
                }
            }
            if (ps.isEmpty()) { // a borough no service reaches: people are assessed by providers elsewhere
                for (Provider p : world.providers) {
                    ps.add(p);
                    ws.add(typeWeight(p.type()));
                }
            }
            providersByBorough.add(ps.toArray(new Provider[0]));
            providerWeightsByBorough.add(
                    ws.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Who does most HNAs: acute trusts (at diagnosis and treatment), then hospices and community teams. */
    private static double typeWeight(String type) {
        return switch (type) {
            case "acute_trust" -> 3;
            case "hospice", "community_trust" -> 2;
            case "voluntary", "primary_care" -> 1;
            default -> 0.4;
        };
    }

    int capacity() {
        return nhsNumbers.capacity();
    }

    Person person(long id) {
        Rng rng = Rng.of(seed, "person", id);
        BoroughProfile borough = world.boroughs.get(rng.weighted(boroughWeights));
        String residence = rng.chance(0.03) ? rng.pick(OUTSIDE_LONDON) : borough.code();
        String age = Headers.AGE_BANDS.get(rng.weighted(AGE_WEIGHTS));
        String tumour = ServiceCatalogue.TUMOUR_GROUPS.get(rng.weighted(TUMOUR_WEIGHTS));
        double female = switch (tumour) {
            case "breast" -> 0.99;
            case "gynaecology" -> 1.0;
            case "urology" -> 0.15;
            default -> 0.5;
        };
        String sex = rng.chance(female) ? "female" : "male";
        double u = rng.uniform();
        if (u < 0.004) {
            sex = "other";
        } else if (u < 0.012) {
            sex = "unknown";
        }
        Provider provider =
                providersByBorough.get(borough.index())[rng.weighted(providerWeightsByBorough.get(borough.index()))];
        return new Person(id, nhsNumbers.forPerson(id), borough, residence, age, sex, tumour, provider);
    }
}
