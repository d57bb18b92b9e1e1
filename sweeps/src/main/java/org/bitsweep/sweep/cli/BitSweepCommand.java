package org.bitsweep.sweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "bitsweep", mixinStandardHelpOptions = true, versionProvider = BitSweepCommand.Version.class,
        description = "Simulate and explore hardware for quantized neural networks: sweep number formats and "
                + "PE arrays over real workloads and draw accuracy-versus-cost Pareto fronts.",
        subcommands = {RunCommand.class, ReportCommand.class, QuantizeCommand.class, FormatsCommand.class, PesCommand.class,
                WorkloadsCommand.class, AccuracyCommand.class, TrainCommand.class, SimulateCommand.class,
                BenchCommand.class, SchemaCommand.class, OutputErrorCommand.class, SensitivityCommand.class,
                AllocateCommand.class})
final class BitSweepCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command; try: bitsweep run examples/quickstart.yaml");
    }

    /** The version Maven wrote into the jar at build time. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = BitSweepCommand.class.getResourceAsStream("/bitsweep-version.properties")) {
                if (in != null)
                    p.load(in);
            }
            return new String[] {"bitsweep " + p.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
