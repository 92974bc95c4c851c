package org.rehabmap.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * One rehabilitation service as the generator imagines it for the year; provider returns and
 * workforce rows are drawn from it.
 *
 * @param firstQuarter   index into {@link ReportingYear#QUARTERS} of its first return (new services start late)
 * @param missedQuarter  a quarter with no return, or -1
 * @param referralsPerQuarter typical referrals in a quarter
 * @param medianWait     typical median wait in days
 * @param activityRecorded false when the provider leaves the activity columns blank
 */
record Service(
        String providerCode,
        String serviceId,
        String name,
        ServiceCatalogue.Template template,
        String setting,
        List<String> boroughs,
        List<String> tumourGroups,
        List<String> stages,
        int rehabLevel,
        List<String> referralRoutes,
        String fundingSource,
        LocalDate fundingEnd,
        int firstQuarter,
        int missedQuarter,
        double referralsPerQuarter,
        double medianWait,
        boolean activityRecorded) {
    boolean returnsIn(int quarter) {
        return quarter >= firstQuarter && quarter != missedQuarter;
    }
}
