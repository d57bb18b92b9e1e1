package org.bitsweep.cost;

/**
 * One technology node of the Stillmaker & Baas scaling: its area relative to the base node's, and the polynomial
 * a·Vdd² + b·Vdd + c to which energy per operation at that node is proportional.
 *
 * @param featureNm  the node's feature size, used only to interpolate nodes the source does not tabulate
 * @param areaFactor area at this node over area at the base node
 * @param basis      the {@code source:} or {@code estimate:} text of the node's entry
 * @param estimate   true for a node interpolated between two tabulated ones (28 nm)
 */
public record TechNode(String name, double featureNm, double areaFactor, double a, double b, double c, String basis,
                       boolean estimate) {
    public TechNode {
        if (!(featureNm > 0) || !(areaFactor > 0))
            throw new IllegalArgumentException("node %s: feature %s nm, area factor %s".formatted(name, featureNm, areaFactor));
    }

    /** Stillmaker & Baas's energy factor, a·Vdd² + b·Vdd + c, at this supply. */
    public double energyPolynomial(double vddV) {
        return (a * vddV + b) * vddV + c;
    }

    /** The node a fraction {@code t} of the way from {@code lo} (t = 0) to {@code hi} (t = 1), everything linear. */
    public static TechNode between(String name, double featureNm, TechNode lo, TechNode hi, String basis) {
        double t = (featureNm - lo.featureNm) / (hi.featureNm - lo.featureNm);
        if (!(t > 0 && t < 1))
            throw new IllegalArgumentException("node %s (%s nm) does not lie between %s and %s"
                    .formatted(name, featureNm, lo.name, hi.name));
        return new TechNode(name, featureNm, lerp(lo.areaFactor, hi.areaFactor, t), lerp(lo.a, hi.a, t),
                lerp(lo.b, hi.b, t), lerp(lo.c, hi.c, t), basis, true);
    }

    private static double lerp(double lo, double hi, double t) {
        return lo + t * (hi - lo);
    }
}
