package org.rehabmap.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The synthetic London the four sources are drawn from: boroughs with their drawn factors, and
 * providers with their services. Small (≈ 1,500 providers at scale 10), so it is kept in memory;
 * the rows themselves are streamed by the source writers.
 */
final class World {
    private static final double[] TYPE_WEIGHTS = {0.17, 0.08, 0.05, 0.15, 0.30, 0.15, 0.10};
    private static final String[] CODE_PREFIX = {"RA", "RC", "RM", "HS", "VC", "LA", "PC"};
    private static final int[][] SERVICES_PER_PROVIDER = {{5, 12}, {4, 9}, {1, 4}, {2, 6}, {1, 4}, {1, 4}, {1, 3}};
    /** Chance that a provider's footprint reaches beyond its home borough, and how many more boroughs. */
    private static final double[] MULTI_BOROUGH = {0.6, 0.25, 0.7, 0.5, 0.2, 0.03, 0.0};

    private static final int[][] EXTRA_BOROUGHS = {{1, 3}, {1, 2}, {2, 5}, {1, 2}, {1, 2}, {1, 1}, {0, 0}};

    final ReferenceData reference;
    final List<BoroughProfile> boroughs;
    final List<Provider> providers;

    private World(ReferenceData reference, List<BoroughProfile> boroughs, List<Provider> providers) {
        this.reference = reference;
        this.boroughs = boroughs;
        this.providers = providers;
    }

    static World build(ReferenceData reference, long seed, Plan plan) {
        List<BoroughProfile> boroughs = BoroughProfile.draw(reference, seed);
        Rng rng = Rng.of(seed, "providers");
        int[] perType = new int[TYPE_WEIGHTS.length];
        double[] homeWeights = boroughs.stream()
                .mapToDouble(b -> b.ref().population() * b.serviceLevel())
                .toArray();
        List<Provider> providers = new ArrayList<>();
        int[] types = typeMix(plan.providers(), rng);
        for (int i = 0; i < plan.providers(); i++) {
            int type = types[i];
            String code = CODE_PREFIX[type] + String.format(java.util.Locale.ROOT, "%04d", ++perType[type]);
            BoroughProfile home = boroughs.get(rng.weighted(homeWeights));
            providers.add(provider(code, type, home, boroughs, seed, providers.size()));
        }
        providers.sort((a, b) -> a.code().compareTo(b.code()));
        return new World(reference, boroughs, List.copyOf(providers));
    }

    /**
     * Provider types in proportion to {@link #TYPE_WEIGHTS} (systematic sampling from a random
     * start, so the mix is stable at any size and still random for a handful), in seeded order.
     */
    private static int[] typeMix(int n, Rng rng) {
        double total = 0;
        for (double w : TYPE_WEIGHTS) {
            total += w;
        }
        double start = rng.uniform();
        int[] out = new int[n];
        int type = 0;
        double cumulative = TYPE_WEIGHTS[0] / total;
        for (int i = 0; i < n; i++) {
            double point = (start + i) / n;
            while (point >= cumulative && type < TYPE_WEIGHTS.length - 1) {
                cumulative += TYPE_WEIGHTS[++type] / total;
            }
            out[i] = type;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    private static Provider provider(
            String code, int type, BoroughProfile home, List<BoroughProfile> boroughs, long seed, int ordinal) {
        Rng rng = Rng.of(seed, "provider", code.hashCode());
        String typeName = ServiceCatalogue.PROVIDER_TYPES.get(type);
        List<String> footprint = footprint(type, home, boroughs, rng);
        String name = ProviderNames.name(typeName, home.ref(), rng);
        boolean trust = typeName.endsWith("_trust");
        // the first provider always sends Excel and the second CSV, so both forms exist at any scale
        boolean excel = ordinal == 0 || (ordinal != 1 && rng.chance(trust ? 0.8 : 0.35));
        Provider shell = new Provider(
                code,
                name,
                typeName,
                home,
                footprint,
                List.of(),
                excel,
                rng.chance(0.1),
                rng.chance(0.1),
                rng.chance(0.05));
        List<Service> services = services(shell, type, rng);
        return new Provider(
                code,
                name,
                typeName,
                home,
                footprint,
                services,
                excel,
                shell.ukDates(),
                shell.spacedNhsNumbers(),
                shell.capitalisedEnums());
    }

    /** Home borough first, then other boroughs of the same STP footprint, better-served ones more often. */
    private static List<String> footprint(int type, BoroughProfile home, List<BoroughProfile> boroughs, Rng rng) {
        Set<String> out = new LinkedHashSet<>();
        out.add(home.code());
        if (rng.chance(MULTI_BOROUGH[type])) {
            int extra = rng.between(EXTRA_BOROUGHS[type][0], EXTRA_BOROUGHS[type][1]);
            List<BoroughProfile> sameStp = boroughs.stream()
                    .filter(b ->
                            b.ref().stp().equals(home.ref().stp()) && !b.code().equals(home.code()))
                    .toList();
            List<BoroughProfile> pool = new ArrayList<>(sameStp);
            for (int k = 0; k < extra && !pool.isEmpty(); k++) {
                int i = rng.weighted(
                        pool.stream().mapToDouble(BoroughProfile::serviceLevel).toArray());
                out.add(pool.remove(i).code());
            }
        }
        return List.copyOf(out);
    }

    private static List<Service> services(Provider p, int type, Rng rng) {
        int n = rng.between(SERVICES_PER_PROVIDER[type][0], SERVICES_PER_PROVIDER[type][1]);
        List<ServiceCatalogue.Template> pool = new ArrayList<>(ServiceCatalogue.forType(p.type()));
        List<ServiceCatalogue.Template> all = List.copyOf(pool);
        List<Service> out = new ArrayList<>();
        int sites = 0;
        for (int i = 0; i < n; i++) {
            ServiceCatalogue.Template t;
            String name;
            if (!pool.isEmpty()) {
                t = pool.remove(rng.nextInt(pool.size()));
                name = t.name();
            } else {
                t = rng.pick(all);
                name = t.name() + " (site " + (++sites + 1) + ")";
            }
            out.add(service(p, String.format(java.util.Locale.ROOT, "S%02d", i + 1), name, t, i == 0, rng));
        }
        return List.copyOf(out);
    }

    private static Service service(
            Provider p, String id, String name, ServiceCatalogue.Template t, boolean first, Rng rng) {
        String setting = rng.pick(t.settings());
        List<String> boroughs = p.footprint().size() > 1 && rng.chance(0.3)
                ? List.of(p.footprint().get(0))
                : p.footprint();
        List<String> tumours = tumours(t, rng);
        List<String> stages = stages(t, rng);
        int level = rng.between(t.minLevel(), t.maxLevel());
        List<String> routes = routes(p.type(), rng);
        String funding = funding(p.type(), rng);
        LocalDate end = fundingEnd(funding, rng);
        int firstQuarter = first || rng.chance(0.92) ? 0 : rng.between(1, 3);
        int missed = rng.chance(0.04) ? rng.between(firstQuarter, 3) : -1;
        if (missed == firstQuarter) {
            missed = -1;
        }
        double sizeFactor = switch (p.type()) {
            case "acute_trust" -> 1.5;
            case "voluntary", "primary_care" -> 0.8;
            default -> 1.0;
        };
        double referrals = rng.lognormal(45 * sizeFactor, 0.6);
        double wait = rng.lognormal(p.type().equals("hospice") ? 7 : p.type().equals("acute_trust") ? 28 : 21, 0.6);
        return new Service(
                p.code(),
                id,
                name,
                t,
                setting,
                boroughs,
                tumours,
                stages,
                level,
                routes,
                funding,
                end,
                firstQuarter,
                missed,
                referrals,
                wait,
                !rng.chance(0.08));
    }

    private static List<String> tumours(ServiceCatalogue.Template t, Rng rng) {
        String first = rng.pick(t.tumourGroups());
        if (first.equals("all")) {
            return List.of("all");
        }
        List<String> specific = t.tumourGroups().stream()
                .filter(g -> !g.equals("all") && !g.equals(first))
                .toList();
        if (!specific.isEmpty() && rng.chance(0.3)) {
            String second = rng.pick(specific);
            return ServiceCatalogue.TUMOUR_GROUPS.stream()
                    .filter(g -> g.equals(first) || g.equals(second))
                    .toList();
        }
        return List.of(first);
    }

    private static List<String> stages(ServiceCatalogue.Template t, Rng rng) {
        Set<String> chosen = new LinkedHashSet<>(t.stages());
        if (rng.chance(0.15)) {
            chosen.add(rng.pick(ServiceCatalogue.STAGES));
        }
        return ServiceCatalogue.STAGES.stream().filter(chosen::contains).toList();
    }

    private static List<String> routes(String type, Rng rng) {
        if (rng.chance(0.08)) {
            return List.of();
        }
        double[] p = switch (type) {
            case "acute_trust" -> new double[] {0.1, 0.5, 0.9, 0.8, 0.5, 0.05};
            case "voluntary" -> new double[] {0.9, 0.6, 0.6, 0.2, 0.3, 0.3};
            case "local_authority" -> new double[] {0.6, 0.7, 0.3, 0.1, 0.4, 0.8};
            case "hospice" -> new double[] {0.3, 0.8, 0.8, 0.6, 0.5, 0.3};
            default -> new double[] {0.3, 0.8, 0.7, 0.4, 0.5, 0.2};
        };
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            if (rng.chance(p[i])) {
                out.add(ServiceCatalogue.ROUTES.get(i));
            }
        }
        if (out.isEmpty()) {
            out.add("gp");
        }
        return List.copyOf(out);
    }

    private static String funding(String type, Rng rng) {
        String[] sources = {"nhs_block", "nhs_tariff", "nhs_grant", "local_authority", "charity", "mixed"};
        double[] w = switch (type) {
            case "acute_trust" -> new double[] {60, 20, 15, 0, 0, 5};
            case "community_trust" -> new double[] {70, 0, 20, 0, 0, 10};
            case "mental_health_trust" -> new double[] {85, 0, 15, 0, 0, 0};
            case "hospice" -> new double[] {0, 0, 10, 0, 50, 40};
            case "voluntary" -> new double[] {0, 0, 20, 0, 65, 15};
            case "local_authority" -> new double[] {0, 0, 10, 80, 0, 10};
            default -> new double[] {40, 0, 50, 0, 0, 10};
        };
        return sources[rng.weighted(w)];
    }

    /** Grants and charity money often end; over half of the end dates fall within 12 months of the year end. */
    private static LocalDate fundingEnd(String funding, Rng rng) {
        double p = switch (funding) {
            case "nhs_grant" -> 0.85;
            case "charity", "mixed" -> 0.4;
            case "local_authority" -> 0.2;
            default -> 0.03;
        };
        if (!rng.chance(p)) {
            return null;
        }
        YearMonth from = YearMonth.from(ReportingYear.END).plusMonths(1);
        YearMonth month = rng.chance(0.55) ? from.plusMonths(rng.nextInt(12)) : from.plusMonths(12 + rng.nextInt(18));
        return month.atEndOfMonth();
    }

    int serviceCount() {
        return providers.stream().mapToInt(p -> p.services().size()).sum();
    }

    BoroughProfile borough(String code) {
        for (BoroughProfile b : boroughs) {
            if (b.code().equals(code)) {
                return b;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
