package org.rehabmap.publish;

import org.rehabmap.gold.Geography;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One pack: an alliance (or London itself) and the area codes its files carry.
 *
 * @param london whether this is London's pack, which holds every area
 */
public record Pack(String slug, String code, String name, Set<String> areaCodes, boolean london) {
    public boolean isLondon() {
        return london;
    }

    /** The alliance packs, in lookup order, then London's: each alliance's areas plus London as comparator. */
    public static List<Pack> all(Geography geo) {
        List<Pack> out = new ArrayList<>();
        for (Geography.Area alliance : geo.ofLevel(Geography.ALLIANCE)) {
            Set<String> codes = new LinkedHashSet<>();
            codes.add(alliance.code());
            for (Geography.Area x : geo.within(alliance.code())) {
                codes.add(x.code());
            }
            codes.add(geo.londonCode());
            out.add(new Pack(slug(alliance.name()), alliance.code(), alliance.name(), codes, false));
        }
        Set<String> every = new LinkedHashSet<>();
        every.add(geo.londonCode());
        for (Geography.Area x : geo.within(geo.londonCode())) {
            every.add(x.code());
        }
        out.add(new Pack("london", geo.londonCode(), geo.londonName(), every, true));
        return out;
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
