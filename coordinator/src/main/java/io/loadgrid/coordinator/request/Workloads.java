package io.loadgrid.coordinator.request;

import static io.loadgrid.common.plan.RunParams.ACCEPT_HTTP_ERRORS;
import static io.loadgrid.common.plan.RunParams.BASE;
import static io.loadgrid.common.plan.RunParams.ITERATIONS;
import static io.loadgrid.common.plan.RunParams.URL;
import static io.loadgrid.common.plan.RunParams.WORKLOAD;

import io.loadgrid.common.workload.CpuKernel;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.UrlSource;
import io.loadgrid.common.workload.UrlTemplate;
import io.loadgrid.common.workload.Workload;

/** What each item of a run does, from the workload, base, url, iterations and accept_http_errors parameters. */
final class Workloads {
    /** The seed stream's base until the embedded target is up and its address is known. */
    static final String EMBEDDED = "http://embedded.invalid";
    /** The host the CPU workloads' URLs are generated with when no --base is given; nothing is contacted. */
    static final String CPU_BASE = "http://127.0.0.1:8080";

    private Workloads() {}

    static Workload of(RunValues v) {
        String url = v.text(URL);
        String workload = v.text(WORKLOAD);
        String seedBase = v.text(BASE) != null ? v.text(BASE) : workload.equals("seed") ? EMBEDDED : CPU_BASE;
        UrlSource urls = url != null ? new UrlTemplate(url) : new SeedStream(seedBase);
        return switch (workload) {
            case "seed" -> new Workload.Http(url != null ? "template" : "seed", urls, !v.flag(ACCEPT_HTTP_ERRORS));
            case "encode" -> new Workload.Cpu(new CpuKernel.Encode(urls));
            case "sqrt-sum" -> new Workload.Cpu(new CpuKernel.SqrtSum(v.count(ITERATIONS)));
            case "squares" -> new Workload.Cpu(new CpuKernel.Squares());
            default -> throw new IllegalStateException("the workload parameter let '" + workload + "' through");
        };
    }
}
