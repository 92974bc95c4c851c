package org.rehabmap.curate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.rehabmap.config.Settings;
import org.rehabmap.gold.Denominators;
import org.rehabmap.gold.Geography;
import org.rehabmap.gold.SilverInputs;
import org.rehabmap.lake.Lake;

import java.util.HashSet;
import java.util.List;

/**
 * What the peer groups read besides curate's silver inputs: their settings, and Census 2021 population
 * with the 65+ count (a column an older silver lacks reads as unknown). gold.peer_groups and the
 * peer_value of gold.benchmarks are made from them.
 *
 * @param population silver.population ({@link SilverInputs#CENSUS_POPULATION})
 */
public record PeerGroupInputs(PeerGroupConfig config, Dataset<Row> population) {

    /** Settings checked, population opened (not yet read). */
    public static PeerGroupInputs read(Settings settings, Lake lake) {
        return new PeerGroupInputs(
                PeerGroupConfig.from(settings),
                SilverInputs.lenient(lake, "silver.population", SilverInputs.CENSUS_POPULATION, true));
    }

    /** Each borough's peers (gold.peer_groups), from curate's geography and people living with cancer. */
    public List<PeerGroups.Peer> peers(Geography geo, Denominators denominators, Dataset<Row> imd) {
        return PeerGroups.nearest(
                PeerVariables.of(geo, denominators, imd, population),
                PeerVariables.names(geo),
                config.weights(),
                config.capSd(),
                config.size(),
                new HashSet<>(config.excluded()));
    }
}
