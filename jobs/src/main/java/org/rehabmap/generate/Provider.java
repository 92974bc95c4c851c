package org.rehabmap.generate;

import java.util.List;

/**
 * A provider and the habits of its systems: how its HNA export writes dates, NHS numbers and
 * enumerations (all forms INPUTS.md accepts), and whether it sends the workforce survey as Excel.
 */
record Provider(
        String code,
        String name,
        String type,
        BoroughProfile home,
        List<String> footprint,
        List<Service> services,
        boolean excelWorkforce,
        boolean ukDates,
        boolean spacedNhsNumbers,
        boolean capitalisedEnums) {
    boolean isNhsTrust() {
        return type.endsWith("_trust");
    }
}
