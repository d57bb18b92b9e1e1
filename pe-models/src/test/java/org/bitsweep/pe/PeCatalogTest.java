package org.bitsweep.pe;

import org.bitsweep.pe.catalog.PeCatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bitsweep.cost.AsicCostModel;
import org.bitsweep.workloads.UserInputException;
import org.bitsweep.workloads.format.Formats;
import org.bitsweep.workloads.trace.OperandFormats;
import org.junit.jupiter.api.Test;

class PeCatalogTest {
    /** pe, accumulator bits, weights, activations, cycles per MAC: the table in docs/pe-models.md. */
    static final List<Object[]> CYCLES = List.of(
            new Object[] {"int-mac", 32, "int8", "int8", 1}, new Object[] {"int-mac", 24, "int4", "int8", 1},
            new Object[] {"bit-serial", 32, "int8", "int8", 8}, new Object[] {"bit-serial", 24, "int4", "int8", 8},
            new Object[] {"bit-serial", 16, "int8", "int4", 4}, new Object[] {"bit-pragmatic", 24, "int4", "int8", 7},
            new Object[] {"bit-pragmatic", 24, "int4", "uint8", 8}, new Object[] {"bitmod", 52, "bitmod4", "fp16", 2},
            new Object[] {"bitmod", 52, "bitmod3", "fp16", 2}, new Object[] {"bitmod", 52, "int4", "fp16", 2},
            new Object[] {"bitmod", 52, "int3", "fp16", 2}, new Object[] {"bitmod", 56, "int8", "fp16", 4},
            new Object[] {"bitmod", 52, "int2", "fp16", 1}, new Object[] {"shift-add", 24, "int4", "int8", 1},
            new Object[] {"shift-add", 52, "pot4", "fp16", 1}, new Object[] {"shift-add", 24, "ternary", "int8", 1},
            new Object[] {"ant", 24, "ant-flint4", "int8", 1}, new Object[] {"ant", 57, "ant4", "fp16", 1},
            new Object[] {"olive", 32, "olive4", "int8", 1}, new Object[] {"olive", 62, "olive4", "fp16", 1},
            new Object[] {"fp-mac", 32, "fp8-e4m3", "fp8-e4m3", 1}, new Object[] {"fp-mac", 16, "fp16", "fp16", 1},
            new Object[] {"lmul", 32, "fp8-e4m3", "fp8-e4m3", 1}, new Object[] {"lmul", 32, "bf16", "bf16", 1});

    @Test
    void everyPeInTheCatalogBuildsFromDefaultKnobs() {
        assertThat(PeCatalog.ids()).containsExactly("int-mac", "bit-serial", "bit-pragmatic", "bitmod", "shift-add", "ant",
                "olive", "fp-mac", "lmul");
        for (PeCatalog.Entry e : PeCatalog.entries()) {
            PeModel pe = PeCatalog.create(e.id(), new PeParams(32, Overflow.WRAP));
            assertThat(pe.id()).isEqualTo(e.id());
            assertThat(e.description()).isNotBlank();
            assertThat(pe.supportedFormats()).isNotBlank();
        }
    }

    @Test
    void cyclesPerMacOfTheDocumentedPairs() {
        for (Object[] row : CYCLES) {
            PeModel pe = PeCatalog.create((String) row[0], new PeParams((Integer) row[1], Overflow.WRAP));
            OperandFormats f = OperandFormats.of(Formats.parse((String) row[2]), Formats.parse((String) row[3]));
            assertThat(pe.supports(f)).as("%s %s", row[0], f).isTrue();
            assertThat(pe.cyclesPerMac(f, null)).as("%s %s", row[0], f).isEqualTo(((Integer) row[4]).longValue());
        }
    }

    @Test
    void everyPeSaysWhatItRunsWhenAskedForWhatItCannot() {
        // nf4 is neither an integer grid nor a minifloat: no PE here runs it.
        OperandFormats nf4 = OperandFormats.of(Formats.parse("nf4"), Formats.parse("nf4"));
        for (String id : PeCatalog.ids()) {
            PeModel pe = PeCatalog.create(id, new PeParams(32, Overflow.WRAP));
            assertThat(pe.supports(nf4)).as(id).isFalse();
            assertThat(pe.unsupportedReason(nf4)).as(id).contains(id).contains("w:nf4 a:nf4")
                    .contains("it runs " + pe.supportedFormats());
            assertThatThrownBy(() -> pe.arithmetic(nf4)).as(id).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> PeDescription.of(pe, nf4, AsicCostModel.at("45nm"))).as(id)
                    .isInstanceOf(UserInputException.class).hasMessageContaining("it runs");
        }
    }

    @Test
    void anUnknownIdListsTheValidOnes() {
        assertThatThrownBy(() -> PeCatalog.create("bit-serail", new PeParams(32, Overflow.WRAP)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("unknown PE \"bit-serail\"; valid: int-mac, bit-serial, bit-pragmatic, bitmod, shift-add, ant, "
                        + "olive, fp-mac, lmul");
    }

    @Test
    void aDescriptionPricesThePeAndNamesItsOperands() {
        // fp16 × fp16 into fp16 at 45 nm: multiplier 1640 + adder 1360 µm² (Dally/Azizi) + three 16-bit registers
        // 3 · 16 · 5.98 = 287.04: 3287.04 µm². Energy 1.1 + 0.4 + 48 · 0.009 = 1.932 pJ.
        PeDescription d = PeDescription.of(PeCatalog.create("fp-mac", new PeParams(16, Overflow.WRAP)),
                OperandFormats.of(Formats.parse("fp16"), Formats.parse("fp16")), AsicCostModel.at("45nm"));
        assertThat(d.areaUm2()).isCloseTo(3287.04, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(d.energyPerMacPj()).isCloseTo(1.932, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.cyclesPerMac()).isEqualTo(1);
        assertThat(d.operands()).startsWith("codes of fp16");
        assertThat(d.inventoryCounts()).containsEntry("fp-multiplier(E5M10)", 1).containsEntry("register(16b)", 3);
        // The lines add up to the totals, so a reader can see where every µm² and pJ comes from.
        assertThat(d.inventory().stream().mapToDouble(PeDescription.Built::areaUm2).sum())
                .isCloseTo(d.areaUm2(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(d.activityPerMac().stream().mapToDouble(PeDescription.Toggled::energyPj).sum())
                .isCloseTo(d.energyPerMacPj(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.inventory().get(0).basis()).isNotBlank();
    }
}
