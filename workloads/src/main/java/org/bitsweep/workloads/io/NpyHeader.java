package org.bitsweep.workloads.io;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bitsweep.workloads.UserInputException;

/**
 * The dict at the start of a .npy file, checked: which element encoding, in which byte order, in which axis order,
 * of which shape. See {@link NpyReader} for the dtypes accepted and why.
 *
 * @param descr        the dtype string as written, for messages
 * @param fortranOrder true when the first axis varies fastest in the data
 * @param shape        outermost first; each dimension at least 1, the product at most {@link Integer#MAX_VALUE}
 */
record NpyHeader(String descr, ElementType type, ByteOrder order, boolean fortranOrder, int[] shape) {
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    private static final Map<String, Dtype> DTYPES = dtypes();
    private static final String VALID_DTYPES = "'<f4', '>f4' (float32), '<f2', '>f2' (float16), "
            + "'<V2', '|V2', '>V2', 'bfloat16' (bfloat16, as ml_dtypes arrays are saved)";

    private record Dtype(ElementType type, ByteOrder order) {
    }

    NpyHeader {
        shape = shape.clone();
    }

    int elements() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }

    long dataBytes() {
        return (long) elements() * type.bytes();
    }

    /** Parses and checks the header dict of {@code file}; every problem is a {@link UserInputException}. */
    static NpyHeader parse(String file, String text) {
        if (!(PythonLiteral.parse(text, file + ": header") instanceof Map<?, ?> dict))
            throw new UserInputException(file + ": header: is not a dict; NumPy writes e.g. "
                    + "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }");
        if (!dict.keySet().equals(KEYS))
            throw new UserInputException(("%s: header: has keys %s; a .npy header has exactly 'descr', "
                    + "'fortran_order' and 'shape'").formatted(file, dict.keySet().stream()
                            .map(k -> "'" + k + "'").collect(Collectors.joining(", "))));
        Dtype dtype = dtype(file, dict.get("descr"));
        if (!(dict.get("fortran_order") instanceof Boolean fortranOrder))
            throw new UserInputException("%s: fortran_order: %s is not a bool; valid: True, False"
                    .formatted(file, dict.get("fortran_order")));
        int[] shape = shape(file, dict.get("shape"));
        return new NpyHeader((String) dict.get("descr"), dtype.type(), dtype.order(), fortranOrder, shape);
    }

    /** The shape as Python writes a tuple: {@code ()}, {@code (3,)}, {@code (3, 4)}. */
    static String pythonTuple(int[] shape) {
        if (shape.length == 1)
            return "(" + shape[0] + ",)";
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    private static Dtype dtype(String file, Object descr) {
        if (!(descr instanceof String name))
            throw new UserInputException("%s: descr: %s is a structured dtype; valid: %s"
                    .formatted(file, descr, VALID_DTYPES));
        if (name.equals("|O"))
            throw new UserInputException(("%s: descr: '|O' is an object array, pickled Python objects rather "
                    + "than numbers; valid: %s; save with np.save(path, a.astype(np.float32))")
                    .formatted(file, VALID_DTYPES));
        Dtype dtype = DTYPES.get(name);
        if (dtype == null)
            throw new UserInputException("%s: descr: unknown dtype '%s'; valid: %s; convert with a.astype(np.float32)"
                    .formatted(file, name, VALID_DTYPES));
        return dtype;
    }

    private static int[] shape(String file, Object shape) {
        if (!(shape instanceof List<?> dims) || !dims.stream().allMatch(d -> d instanceof Long))
            throw new UserInputException("%s: shape: %s is not a tuple of integers; valid: e.g. (), (3,), (3, 4)"
                    .formatted(file, shape));
        int[] result = new int[dims.size()];
        long elements = 1;
        for (int i = 0; i < result.length; i++) {
            long dim = (Long) dims.get(i);
            if (dim < 1)
                throw new UserInputException(("%s: shape: dimension %d is %d; this tool reads only tensors with "
                        + "at least one value, so every dimension must be >= 1").formatted(file, i, dim));
            elements *= Math.min(dim, Integer.MAX_VALUE + 1L);   // stays below 2^62 while checked step by step
            if (elements > Integer.MAX_VALUE)
                throw new UserInputException("%s: shape: %s holds more than %d values, the most one tensor can hold"
                        .formatted(file, dims, Integer.MAX_VALUE));
            result[i] = (int) dim;
        }
        return result;
    }

    private static Map<String, Dtype> dtypes() {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        ByteOrder be = ByteOrder.BIG_ENDIAN;
        return Map.of("<f4", new Dtype(ElementType.FLOAT32, le), ">f4", new Dtype(ElementType.FLOAT32, be),
                "<f2", new Dtype(ElementType.FLOAT16, le), ">f2", new Dtype(ElementType.FLOAT16, be),
                "<V2", new Dtype(ElementType.BFLOAT16, le), "|V2", new Dtype(ElementType.BFLOAT16, le),
                ">V2", new Dtype(ElementType.BFLOAT16, be), "bfloat16", new Dtype(ElementType.BFLOAT16, le));
    }
}
