package org.bitsweep.workloads.model;

import java.util.List;

/**
 * A model of the zoo: the dimensions its published config gives, read from a data file under {@code zoo/}, and the
 * GEMM layers they imply. Each kind of model lowers itself: transformers into projections and attention matmuls,
 * convolutions into GEMMs (im2col: m = output pixels, n = output channels, k = input channels × kernel area).
 */
public sealed interface ModelSpec permits DecoderSpec, EncoderSpec, ResNetSpec, VitSpec, MlpSpec, CnnSpec {
    String name();

    /** Where the dimensions were read. */
    String source();

    /** The parameter count the model's authors or checkpoint report. */
    long publishedParams();

    /** Where that count comes from. */
    String publishedSource();

    /** Parameters counted from our shapes: every weight, bias, norm and embedding. */
    long parameterCount();

    /** The workload names this model accepts, as a user writes them. */
    List<String> workloadForms();

    /**
     * The workload for the parts of a name after the model's ({@code [decode, 2048]} for {@code MODEL:decode:2048}).
     *
     * @throws org.bitsweep.workloads.UserInputException for a form the model does not have
     */
    Workload workload(String name, List<String> parts);
}
