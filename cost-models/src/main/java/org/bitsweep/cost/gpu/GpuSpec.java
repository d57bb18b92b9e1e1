package org.bitsweep.cost.gpu;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One GPU as its datasheet and whitepaper describe it, every figure with its source ({@code gpu/ID.yaml}).
 *
 * @param computeCapability e.g. {@code 8.0}
 * @param cudaCore          lanes per SM per clock of each class of CUDA-core work, and of issue and shared memory
 */
public record GpuSpec(String id, String name, String computeCapability, Sourced smCount, Sourced boostClockMhz,
                      Sourced memoryGbps, Sourced l2Bytes, Sourced sharedMemoryPerSmBytes, Sourced boardPowerW,
                      Sourced launchOverheadUs, List<TensorRate> tensor, Map<CudaCoreClass, Sourced> cudaCore) {
    public GpuSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(computeCapability, "computeCapability");
        for (Sourced s : List.of(smCount, boostClockMhz, memoryGbps, l2Bytes, sharedMemoryPerSmBytes, boardPowerW,
                launchOverheadUs))
            Objects.requireNonNull(s, "figure of " + id);
        if (smCount.value() != Math.rint(smCount.value()))
            throw new IllegalArgumentException("sm_count must be whole, got " + smCount.value());
        tensor = List.copyOf(tensor);
        for (int i = 0; i < tensor.size(); i++)
            for (int j = 0; j < i; j++)
                if (tensor.get(i).type() == tensor.get(j).type()
                        && tensor.get(i).accumulate().equals(tensor.get(j).accumulate()))
                    throw new IllegalArgumentException("tensor rate %s/%s listed twice".formatted(
                            tensor.get(i).type().id(), tensor.get(i).accumulate()));
        EnumMap<CudaCoreClass, Sourced> copy = new EnumMap<>(CudaCoreClass.class);
        copy.putAll(cudaCore);
        for (CudaCoreClass c : CudaCoreClass.values())
            if (!copy.containsKey(c))
                throw new IllegalArgumentException("cuda_core lacks class " + c.id());
        cudaCore = Collections.unmodifiableMap(copy);
    }

    public int sms() {
        return (int) smCount.value();
    }

    /**
     * The tensor rate for {@code type}, preferring the given accumulator and otherwise the widest one listed
     * (fp32 before fp16).
     */
    public Optional<TensorRate> tensor(TensorType type, String accumulate) {
        TensorRate other = null;
        for (TensorRate r : tensor) {
            if (r.type() != type)
                continue;
            if (r.accumulate().equals(accumulate))
                return Optional.of(r);
            if (other == null || r.accumulate().equals("fp32"))
                other = r;
        }
        return Optional.ofNullable(other);
    }

    public boolean has(TensorType type) {
        return tensor.stream().anyMatch(r -> r.type() == type);
    }
}
