package org.bitsweep.workloads.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bitsweep.workloads.UserInputException;

/**
 * A trained network in one file: a safetensors file (Hugging Face's format, so {@code
 * safetensors.numpy.load_file} reads it too) holding each weighted layer's {@code NAME.weight} and {@code NAME.bias}
 * as little-endian F32 (convolution weights shaped {@code [out, in, kh, kw]}, dense ones {@code [out, in]}), and, in
 * its {@code __metadata__} string map, {@code format} = {@value #FORMAT}, {@code model} (which architecture of
 * {@link FashionModels}), and how it was trained and what it scored (see {@link TrainingConfig#metadata()},
 * {@link TrainedModel}).
 *
 * <p>Layout: an 8-byte little-endian header length N, N bytes of JSON padded with spaces to a multiple of 8, then
 * the tensors back to back in layer order.
 */
public final class ModelFile {
    public static final String FORMAT = "bitsweep-model-1";
    private static final String METADATA = "__metadata__";
    private static final long MAX_FILE_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFile() {
    }

    /** Writes a trained model with its metadata. */
    public static void write(Path file, TrainedModel model) {
        write(file, model.network(), model.metadata());
    }

    /** Writes {@code net} with {@code metadata}; {@code format} and {@code model} are added. */
    public static void write(Path file, Network net, Map<String, String> metadata) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
                Files.createDirectories(parent);
            Files.write(file, bytes(net, metadata));
        } catch (IOException e) {
            throw new UserInputException("%s: cannot write: %s".formatted(file, e.getMessage()), e);
        }
    }

    static byte[] bytes(Network net, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("model", net.name());
        metadata.forEach((key, value) -> meta.putIfAbsent(key, value));
        header.put(METADATA, meta);
        List<float[]> data = new ArrayList<>();
        long offset = 0;
        for (int i : net.weightedLayers()) {
            NetLayer.Weighted w = net.weighted(i);
            for (boolean isWeight : new boolean[] {true, false}) {
                float[] values = isWeight ? net.weights[i] : net.biases[i];
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("dtype", "F32");
                entry.put("shape", isWeight ? weightShape(w) : List.of(w.outputs()));
                entry.put("data_offsets", List.of(offset, offset + 4L * values.length));
                header.put(w.name() + (isWeight ? ".weight" : ".bias"), entry);
                offset += 4L * values.length;
                data.add(values);
            }
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a model header", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++)
            out.put((byte) ' ');
        for (float[] values : data)
            for (float v : values)
                out.putFloat(v);
        return out.array();
    }

    /** @throws UserInputException when the file is missing, not a model file, or does not fit its architecture */
    public static TrainedModel read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES)
                throw new UserInputException("%s: %d bytes; a BitSweep model file is at most %d"
                        .formatted(file, Files.size(file), MAX_FILE_BYTES));
            return read(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file; write one with bitsweep train --out " + file, e);
        } catch (IOException e) {
            throw new UserInputException("%s: cannot read: %s".formatted(file, e.getMessage()), e);
        }
    }

    /** @param source names the bytes in error messages */
    public static TrainedModel read(String source, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8)
            throw corrupt(source, "shorter than the 8-byte header length");
        long headerBytes = in.getLong(0);
        if (headerBytes < 2 || headerBytes > bytes.length - 8)
            throw corrupt(source, "header length %d does not fit a file of %d bytes".formatted(headerBytes, bytes.length));
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, (int) headerBytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw corrupt(source, "header is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (header == null || !header.isObject())
            throw corrupt(source, "header is not a JSON object");
        Map<String, String> metadata = metadata(source, header.get(METADATA));
        if (!FORMAT.equals(metadata.get("format")))
            throw corrupt(source, "__metadata__.format is \"%s\", expected \"%s\"".formatted(metadata.get("format"), FORMAT));
        String model = metadata.get("model");
        if (model == null || !FashionModels.names().contains(model))
            throw new UserInputException("%s: __metadata__.model is \"%s\"; valid: %s"
                    .formatted(source, model, String.join(", ", FashionModels.names())));
        Network net = FashionModels.architecture(model);
        int dataStart = 8 + (int) headerBytes;
        int dataBytes = bytes.length - dataStart;
        List<String> expected = new ArrayList<>();
        for (int i : net.weightedLayers()) {
            NetLayer.Weighted w = net.weighted(i);
            float[] weight = tensor(source, header, w.name() + ".weight", weightShape(w), in, dataStart, dataBytes);
            float[] bias = tensor(source, header, w.name() + ".bias", List.of(w.outputs()), in, dataStart, dataBytes);
            net.setParameters(i, weight, bias);
            expected.add(w.name() + ".weight");
            expected.add(w.name() + ".bias");
        }
        for (Iterator<String> names = header.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(METADATA) && !expected.contains(name))
                throw corrupt(source, "unexpected tensor \"%s\"; %s holds %s".formatted(name, model, expected));
        }
        return new TrainedModel(net, metadata, source);
    }

    private static List<Integer> weightShape(NetLayer.Weighted w) {
        if (w instanceof Conv2d c)
            return List.of(c.outChannels(), c.inChannels(), c.kernel(), c.kernel());
        return List.of(w.outputs(), w.reduction());
    }

    private static Map<String, String> metadata(String source, JsonNode node) {
        if (node == null || !node.isObject())
            throw corrupt(source, "no __metadata__ object");
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual())
                throw corrupt(source, "__metadata__.%s is not a string".formatted(e.getKey()));
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private static float[] tensor(String source, JsonNode header, String name, List<Integer> shape, ByteBuffer in,
                                  int dataStart, int dataBytes) {
        JsonNode t = header.get(name);
        if (t == null)
            throw corrupt(source, "no tensor \"%s\"".formatted(name));
        String where = "tensor \"%s\"".formatted(name);
        if (!"F32".equals(t.path("dtype").asText()))
            throw corrupt(source, "%s: dtype %s, expected F32".formatted(where, t.path("dtype")));
        List<Integer> found = new ArrayList<>();
        for (JsonNode d : t.path("shape"))
            found.add(d.asInt());
        if (!found.equals(shape))
            throw corrupt(source, "%s: shape %s, expected %s".formatted(where, found, shape));
        JsonNode offsets = t.path("data_offsets");
        long begin = offsets.path(0).asLong(-1);
        long end = offsets.path(1).asLong(-1);
        int count = shape.stream().reduce(1, Math::multiplyExact);
        if (begin < 0 || end - begin != 4L * count || end > dataBytes)
            throw corrupt(source, "%s: data_offsets %s do not hold %d floats within the %d data bytes"
                    .formatted(where, offsets, count, dataBytes));
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.getFloat(dataStart + (int) begin + 4 * i);
            if (!Float.isFinite(values[i]))
                throw corrupt(source, "%s: element %d is %s".formatted(where, i, values[i]));
        }
        return values;
    }

    private static UserInputException corrupt(String source, String what) {
        return new UserInputException("%s: %s; this is not a BitSweep model file as bitsweep train writes it (a "
                .formatted(source, what) + "safetensors file with __metadata__.format = " + FORMAT + ")");
    }
}
