package org.caseflow.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run does, from the command line.
 *
 * @param rates          offered rates of the rising phases, reports per second
 * @param phase          how long reports are offered at each rate
 * @param drain          how long a phase may wait, after its last report, for the cases still under way
 * @param warmUpRate     the rate of the warm-up phase (not reported), which lets the JIT compile the hot paths
 * @param warmUp         how long the warm-up phase lasts
 * @param poll           how often the observer looks for tasks and notifications (the resolution of the latencies)
 * @param bareThreads    thread counts the bare engine is measured with
 * @param bareWarmUp     how long the bare engine runs before it is measured, so that it is measured warm as the pipeline is
 * @param bare           how long the bare engine runs at each thread count
 * @param fsync          PostgreSQL with fsync and synchronous commit on (durable) or off
 * @param serviceHeap    -Xmx of each service
 * @param properties     Spring properties given to every service (-Dkey=value), the tuning under test
 * @param servicesDirectory the services' runnable jars (local-run/target/services)
 * @param modelDirectory bpmn/, deployed to the bare engine
 * @param resultsDirectory where the CSV goes
 * @param pipeline       run the pipeline phases
 * @param bareEngine     run the bare engine
 * @param user           user:password for every service's API (Basic), a user of the local profile who sees every task
 */
record Options(List<Integer> rates, Duration phase, Duration drain, int warmUpRate, Duration warmUp, Duration poll,
               List<Integer> bareThreads, Duration bareWarmUp, Duration bare, boolean fsync, String serviceHeap,
               Map<String, String> properties, Path servicesDirectory, Path modelDirectory, Path resultsDirectory,
               boolean pipeline, boolean bareEngine, String user) {

    static final String USAGE = """
            Usage: java -jar benchmark/target/benchmark.jar [options]   (run from the repository root)
              --rates 20,30,40,45,50,55,60  offered reports per second of the rising phases (stops after the first that does not hold)
              --duration 25s          length of each phase
              --drain 15s             longest wait after a phase for the cases still under way
              --warm-up 180s@16       warm-up before the measured phases (length@rate): a quarter, a half, then the whole rate
              --poll 50ms             how often tasks and notifications are looked for
              --bare-threads 1,4,8    thread counts of the bare engine
              --bare-warm-up 60s      how long the bare engine runs before it is measured
              --bare-duration 15s     length of each bare engine measurement
              --fsync on|off          PostgreSQL durable (fsync, synchronous_commit on) or not; default on
              --service-heap 512m     -Xmx of each service
              --set key=value         a Spring property for every service (repeatable), such as
                                      --set spring.kafka.listener.concurrency=3; camunda.bpm.history-level and
                                      camunda.bpm.authorization.enabled also set the bare engine's
              --user supervisor:demo  Basic credentials for every service (a local-profile user who sees every task)
              --no-bare | --bare-only
            """;

    static Options parse(String[] args) {
        List<Integer> rates = List.of(20, 30, 40, 45, 50, 55, 60);
        Duration phase = Duration.ofSeconds(25);
        Duration drain = Duration.ofSeconds(15);
        int warmUpRate = 16;
        Duration warmUp = Duration.ofSeconds(180);
        Duration poll = Duration.ofMillis(50);
        List<Integer> bareThreads = List.of(1, 4, 8);
        Duration bareWarmUp = Duration.ofSeconds(60);
        Duration bare = Duration.ofSeconds(15);
        boolean fsync = true;
        String heap = "512m";
        Map<String, String> properties = new LinkedHashMap<>();
        boolean pipeline = true;
        boolean bareEngine = true;
        String user = "supervisor:demo";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--rates" -> rates = integers(value(args, ++i, option));
                case "--duration" -> phase = duration(value(args, ++i, option));
                case "--drain" -> drain = duration(value(args, ++i, option));
                case "--warm-up" -> {
                    String[] parts = value(args, ++i, option).split("@");
                    warmUp = duration(parts[0]);
                    warmUpRate = parts.length > 1 ? Integer.parseInt(parts[1]) : warmUpRate;
                }
                case "--poll" -> poll = duration(value(args, ++i, option));
                case "--bare-threads" -> bareThreads = integers(value(args, ++i, option));
                case "--bare-warm-up" -> bareWarmUp = duration(value(args, ++i, option));
                case "--bare-duration" -> bare = duration(value(args, ++i, option));
                case "--fsync" -> fsync = switch (value(args, ++i, option)) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--fsync takes on or off");
                };
                case "--service-heap" -> heap = value(args, ++i, option);
                case "--set" -> {
                    String setting = value(args, ++i, option);
                    int equals = setting.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--set takes key=value, not " + setting);
                    }
                    properties.put(setting.substring(0, equals), setting.substring(equals + 1));
                }
                case "--user" -> user = value(args, ++i, option);
                case "--no-bare" -> bareEngine = false;
                case "--bare-only" -> pipeline = false;
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return new Options(rates, phase, drain, warmUpRate, warmUp, poll, bareThreads, bareWarmUp, bare, fsync, heap, properties,
                Path.of(System.getProperty("caseflow.services.directory", "local-run/target/services")).toAbsolutePath(),
                Path.of(System.getProperty("caseflow.model.directory", "bpmn")).toAbsolutePath(),
                Path.of(System.getProperty("caseflow.results.directory", "benchmark-results")).toAbsolutePath(),
                pipeline, bareEngine, user);
    }

    /** The HTTP Authorization header (Basic) of {@link #user}, for every request to the services. */
    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    /** Each service's JVM: full JIT (unlike the tests' settings), the local run's heap and collector, the tuning. */
    List<String> serviceJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx" + serviceHeap, "-XX:+UseSerialGC"));
        properties.forEach((key, value) -> options.add("-D" + key + "=" + value));
        return options;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<Integer> integers(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    /** 25s, 500ms, 2m. */
    static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("Not a duration such as 25s, 500ms or 2m: " + text);
        };
    }
}
