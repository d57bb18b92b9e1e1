package org.bitsweep.cost.fpga;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bitsweep.cost.Provenance;
import org.bitsweep.cost.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The bundled device families ({@code fpga/families.yaml}) and devices ({@code fpga/devices.yaml}). A bad field is
 * a bug in our data and throws {@link IllegalStateException} naming the file, the entry and the field; an unknown
 * device id is the caller's to report (check {@link #deviceIds()} first for user input).
 */
public final class FpgaCatalog {
    static final String FAMILIES = "fpga/families.yaml";
    static final String DEVICES = "fpga/devices.yaml";
    private static final Map<String, FpgaFamily> FAMILY = Yaml.bundled(FAMILIES, FpgaCatalog::parseFamilies);
    private static final Map<String, FpgaDevice> DEVICE = Yaml.bundled(DEVICES,
            (file, root) -> parseDevices(file, root, FAMILY));

    private FpgaCatalog() {
    }

    public static List<FpgaDevice> devices() {
        return List.copyOf(DEVICE.values());
    }

    public static List<String> deviceIds() {
        return List.copyOf(DEVICE.keySet());
    }

    /** @throws IllegalArgumentException naming the known ids */
    public static FpgaDevice device(String id) {
        FpgaDevice d = DEVICE.get(id);
        if (d == null)
            throw new IllegalArgumentException("no FPGA device %s; devices: %s".formatted(id, deviceIds()));
        return d;
    }

    public static List<FpgaFamily> families() {
        return List.copyOf(FAMILY.values());
    }

    static Map<String, FpgaFamily> parseFamilies(String file, JsonNode root) {
        JsonNode rows = Yaml.list(file, root, "families", "top level");
        Map<String, FpgaFamily> byId = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "families[" + i + "]";
            JsonNode packingRows = Yaml.list(file, row, "packing", where);
            List<DspPacking.Row> packing = new ArrayList<>();
            for (int j = 0; j < packingRows.size(); j++) {
                JsonNode p = packingRows.get(j);
                String at = where + ".packing[" + j + "]";
                Provenance basis = Provenance.of(file, p, at);
                if (basis.estimate())
                    throw new IllegalStateException("%s: %s: a packing needs source:, not estimate:".formatted(file, at));
                packing.add(new DspPacking.Row(Yaml.integer(file, p, "max_weight_bits", at),
                        Yaml.integer(file, p, "max_activation_bits", at),
                        Yaml.integer(file, p, "products_per_dsp", at), basis.text()));
            }
            try {
                FpgaFamily f = new FpgaFamily(Yaml.text(file, row, "id", where), Yaml.text(file, row, "name", where),
                        Yaml.text(file, row, "dsp_slice", where), new DspPacking(packing),
                        Quantity.parseAll(file, row, "quantities", where));
                if (byId.put(f.id(), f) != null)
                    throw new IllegalStateException("%s: %s: id %s used twice".formatted(file, where, f.id()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return byId;
    }

    static Map<String, FpgaDevice> parseDevices(String file, JsonNode root, Map<String, FpgaFamily> families) {
        JsonNode rows = Yaml.list(file, root, "devices", "top level");
        Map<String, FpgaDevice> byId = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String where = "devices[" + i + "]";
            String familyId = Yaml.text(file, row, "family", where);
            FpgaFamily family = families.get(familyId);
            if (family == null)
                throw new IllegalStateException("%s: %s: family %s; families: %s".formatted(file, where, familyId,
                        families.keySet()));
            Provenance counts = Provenance.of(file, row, where);
            if (counts.estimate())
                throw new IllegalStateException("%s: %s: resource counts need source:, not estimate:".formatted(file,
                        where));
            JsonNode verified = row.get("verified");
            if (verified == null || !verified.isBoolean())
                throw new IllegalStateException("%s: %s: verified: missing or not true/false".formatted(file, where));
            JsonNode clock = row.path("clock");
            Provenance clockBasis = Provenance.of(file, clock, where + ".clock");
            JsonNode dram = row.path("dram");
            Provenance dramBasis = Provenance.of(file, dram, where + ".dram");
            try {
                FpgaDevice d = new FpgaDevice(Yaml.text(file, row, "id", where), Yaml.text(file, row, "name", where),
                        family, count(file, row, "luts", where), count(file, row, "ffs", where),
                        count(file, row, "dsps", where), count(file, row, "bram36", where),
                        count(file, row, "uram", where), counts.text(), verified.booleanValue(),
                        Yaml.text(file, row, "check", where),
                        Yaml.number(file, clock, "typical_mhz", where + ".clock"), clockBasis.text(),
                        clockBasis.estimate(), Yaml.number(file, dram, "gbps", where + ".dram"), dramBasis.text(),
                        dramBasis.estimate());
                if (byId.put(d.id(), d) != null)
                    throw new IllegalStateException("%s: %s: id %s used twice".formatted(file, where, d.id()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return byId;
    }

    private static long count(String file, JsonNode row, String field, String where) {
        JsonNode v = row.get(field);
        if (v == null || !v.isIntegralNumber() || v.asLong() < 0)
            throw new IllegalStateException("%s: %s: %s: missing or not a whole number >= 0".formatted(file, where,
                    field));
        return v.asLong();
    }
}
